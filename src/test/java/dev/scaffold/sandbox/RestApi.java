package dev.scaffold.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scaffold.sandbox.SandboxState.Account;
import dev.scaffold.sandbox.SandboxState.Pull;
import dev.scaffold.sandbox.SandboxState.Repo;
import dev.scaffold.sandbox.SandboxState.Team;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** The REST endpoints: a route table of method + path pattern to handler, all state under one lock. */
final class RestApi extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private static final String D_REPOS = "https://docs.github.com/rest/repos/repos";
  private static final String D_PROTECTION =
      "https://docs.github.com/rest/branches/branch-protection#update-branch-protection";
  private static final String D_PULLS = "https://docs.github.com/rest/pulls/pulls#create-a-pull-request";
  private static final String D_TEAMS = "https://docs.github.com/rest/teams/teams";
  private static final String D_COLLABORATORS =
      "https://docs.github.com/rest/collaborators/collaborators#add-a-repository-collaborator";
  private static final String D_TOPICS =
      "https://docs.github.com/rest/repos/repos#replace-all-repository-topics";
  private static final Set<String> PERMISSIONS = Set.of("pull", "triage", "push", "maintain", "admin");
  private static final Pattern TOPIC = Pattern.compile("[a-z0-9][a-z0-9-]{0,49}");

  /** One request as a handler sees it. */
  final class Call {
    final HttpServletRequest req;
    final Matcher m;
    private JsonNode body;

    Call(HttpServletRequest req, Matcher m) {
      this.req = req;
      this.m = m;
    }

    String seg(int i) {
      return URLDecoder.decode(m.group(i).replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    Account me() {
      String login = (String) req.getAttribute(RequestGate.LOGIN);
      return state.account(login).orElseThrow(() -> new ApiException(401, "Bad credentials", GitHubJson.DOCS));
    }

    String query(String name) {
      return req.getParameter(name);
    }

    /** A classic token's scopes, or null for a fine-grained one (not checked). */
    @SuppressWarnings("unchecked")
    Set<String> scopes() {
      return (Set<String>) req.getAttribute(RequestGate.SCOPES);
    }

    JsonNode body() {
      if (body == null) {
        try {
          byte[] bytes = req.getInputStream().readAllBytes();
          body = bytes.length == 0 ? GitHubJson.object() : GitHubJson.MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
          throw new ApiException(400, "Problems parsing JSON", GitHubJson.DOCS);
        } catch (IOException e) {
          throw new ApiException(400, "Problems reading the request body", GitHubJson.DOCS);
        }
        if (!body.isObject()) throw new ApiException(400, "Body should be a JSON object", GitHubJson.DOCS);
      }
      return body;
    }

    Repo repo() {
      return state.repo(seg(1), seg(2)).orElseThrow(ApiException::notFound);
    }
  }

  /** A handler's answer; {@code body} null means no content. */
  record Reply(int status, JsonNode body, Map<String, String> headers) {
    static Reply ok(JsonNode body) {
      return new Reply(200, body, Map.of());
    }

    static Reply of(int status, JsonNode body) {
      return new Reply(status, body, Map.of());
    }

    static Reply noContent() {
      return new Reply(204, null, Map.of());
    }
  }

  interface Handler {
    Reply handle(Call c) throws IOException;
  }

  private record Route(String method, Pattern path, Handler handler) {}

  private final SandboxState state;
  private final GitHubJson json;
  private final RateBudget budget;
  private final SandboxAdmin admin;
  private final List<Route> routes = new ArrayList<>();

  RestApi(SandboxState state, GitHubJson json, RateBudget budget, SandboxAdmin admin) {
    this.state = state;
    this.json = json;
    this.budget = budget;
    this.admin = admin;
    String seg = "([^/]+)";
    String repo = "/repos/" + seg + "/" + seg;
    route("GET", "/user", c -> Reply.ok(json.fullUser(c.me(), true, publicRepos(c.me()))));
    route("GET", "/user/repos", c -> page(c, reposOf(r -> r.owner == c.me()
        || r.collaborators.containsKey(c.me().login))));
    route("GET", "/user/orgs", c -> page(c, state.accounts().stream()
        .filter(a -> a.organization).map(a -> (JsonNode) json.user(a)).toList()));
    route("POST", "/user/repos", c -> createRepo(c, c.me()));
    route("GET", "/users/" + seg, this::getUser);
    route("GET", "/orgs/" + seg, c -> Reply.ok(json.organization(org(c.seg(1)), publicRepos(org(c.seg(1))))));
    route("GET", "/orgs/" + seg + "/repos", c -> {
      Account org = org(c.seg(1));
      return page(c, reposOf(r -> r.owner == org));
    });
    route("POST", "/orgs/" + seg + "/repos", c -> createRepo(c, org(c.seg(1))));
    route("GET", "/orgs/" + seg + "/properties/schema", c -> Reply.ok(propertySchema(org(c.seg(1)))));
    route("GET", "/user/memberships/orgs/" + seg, this::membership);
    route("GET", "/orgs/" + seg + "/teams", c -> page(c, org(c.seg(1)).teams.values().stream()
        .map(t -> (JsonNode) json.team(t, null)).toList()));
    route("GET", "/orgs/" + seg + "/teams/" + seg, c -> Reply.ok(json.team(team(c.seg(1), c.seg(2)), null)));
    String teamRepo = "/orgs/" + seg + "/teams/" + seg + "/repos/" + seg + "/" + seg;
    route("PUT", teamRepo, c -> grantTeam(c, team(c.seg(1), c.seg(2)), c.seg(3), c.seg(4)));
    route("GET", teamRepo, c -> checkTeam(c, team(c.seg(1), c.seg(2)), c.seg(3), c.seg(4)));
    route("DELETE", teamRepo, c -> revokeTeam(team(c.seg(1), c.seg(2)), c.seg(3), c.seg(4)));
    String legacy = "/organizations/(\\d+)/team/(\\d+)/repos/" + seg + "/" + seg;
    route("PUT", legacy, c -> {
      state.legacyTeamGrants++;
      return grantTeam(c, legacyTeam(c), c.seg(3), c.seg(4));
    });
    route("GET", legacy, c -> checkTeam(c, legacyTeam(c), c.seg(3), c.seg(4)));
    route("DELETE", legacy, c -> revokeTeam(legacyTeam(c), c.seg(3), c.seg(4)));
    route("GET", "/rate_limit", this::rateLimit);
    route("GET", "/orgs/" + seg + "/installation", c -> installation(c, c.seg(1)));
    route("GET", "/users/" + seg + "/installation", c -> installation(c, c.seg(1)));
    route("POST", "/app/installations/(\\d+)/access_tokens", this::installationToken);
    route("GET", "/search/repositories", this::search);
    route("GET", repo, c -> Reply.ok(json.repository(c.repo(), "admin")));
    route("PATCH", repo, this::updateRepo);
    route("GET", repo + "/topics", c -> Reply.ok(topics(c.repo())));
    route("PUT", repo + "/topics", this::setTopics);
    route("PUT", repo + "/vulnerability-alerts", c -> {
      c.repo().vulnerabilityAlerts = true;
      return Reply.noContent();
    });
    route("DELETE", repo + "/vulnerability-alerts", c -> {
      c.repo().vulnerabilityAlerts = false;
      c.repo().automatedSecurityFixes = false;
      return Reply.noContent();
    });
    route("PUT", repo + "/automated-security-fixes", c -> {
      if (!c.repo().vulnerabilityAlerts) {
        throw ApiException.invalid(D_SECURITY, "Failed to enable automated security fixes: Dependabot alerts are disabled");
      }
      c.repo().automatedSecurityFixes = true;
      return Reply.noContent();
    });
    route("DELETE", repo + "/automated-security-fixes", c -> {
      c.repo().automatedSecurityFixes = false;
      return Reply.noContent();
    });
    route("PATCH", repo + "/properties/values", this::setCustomProperties);
    route("GET", repo + "/teams", c -> {
      Repo r = c.repo();
      List<JsonNode> out = new ArrayList<>();
      r.teams.forEach((slug, perm) -> out.add(json.team(r.owner.teams.get(slug), perm)));
      return page(c, out);
    });
    route("GET", repo + "/collaborators", this::listCollaborators);
    route("GET", repo + "/collaborators/" + seg + "/permission", this::collaboratorPermission);
    route("GET", repo + "/collaborators/" + seg, c -> {
      Repo r = c.repo();
      return permissionOf(r, c.seg(3)) != null ? Reply.noContent() : Reply.of(404, null);
    });
    route("PUT", repo + "/collaborators/" + seg, this::addCollaborator);
    route("DELETE", repo + "/collaborators/" + seg, c -> {
      Repo r = c.repo();
      r.collaborators.remove(c.seg(3));
      r.invitations.remove(c.seg(3));
      return Reply.noContent();
    });
    route("GET", repo + "/invitations", this::listInvitations);
    route("GET", repo + "/branches", this::listBranches);
    route("POST", repo + "/branches/(.+)/protection/required_signatures", this::requireSignatures);
    route("GET", repo + "/actions/secrets/public-key", this::secretsKey);
    route("PUT", repo + "/actions/secrets/([A-Za-z0-9_]+)", this::putSecret);
    route("POST", repo + "/actions/variables", this::createVariable);
    route("PATCH", repo + "/actions/variables/([A-Za-z0-9_]+)", this::updateVariable);
    route("PUT", repo + "/environments/([^/]+)", this::putEnvironment);
    route("GET", repo + "/rulesets", c -> {
      ArrayNode list = GitHubJson.array();
      c.repo().rulesets.values().forEach(x -> list.add(rulesetSummary(x)));
      return Reply.ok(list);
    });
    route("POST", repo + "/rulesets", c -> putRuleset(c, null));
    route("GET", repo + "/rulesets/(\\d+)", c -> Reply.ok(ruleset(c)));
    route("PUT", repo + "/rulesets/(\\d+)", c -> putRuleset(c, ruleset(c).path("id").asLong()));
    route("GET", repo + "/branches/(.+)/protection", this::getProtection);
    route("PUT", repo + "/branches/(.+)/protection", this::putProtection);
    route("DELETE", repo + "/branches/(.+)/protection", c -> {
      Repo r = c.repo();
      String branch = c.seg(3);
      branchHead(r, branch);
      if (r.protections.remove(branch) == null) throw new ApiException(404, "Branch not protected", D_PROTECTION);
      return Reply.noContent();
    });
    route("GET", repo + "/branches/(.+)", c -> {
      Repo r = c.repo();
      return Reply.ok(json.branch(r, c.seg(3), branchHead(r, c.seg(3))));
    });
    route("GET", repo + "/git/refs?/(.+)", this::getRef);
    route("GET", repo + "/commits/(.+)", c -> {
      Repo r = c.repo();
      String ref = c.seg(3);
      RevCommit commit = r.commit(ref).orElseThrow(() -> ApiException.validation(
          "https://docs.github.com/rest/commits/commits#get-a-commit", "No commit found for SHA: " + ref,
          null, null, null, null));
      return Reply.ok(json.commit(r, commit));
    });
    route("GET", repo + "/pulls", this::listPulls);
    route("POST", repo + "/pulls", this::createPull);
    route("GET", repo + "/pulls/(\\d+)", c -> Reply.ok(json.pull(c.repo(), pull(c))));
    route("PATCH", repo + "/pulls/(\\d+)", this::updatePull);
    route("POST", repo + "/issues/(\\d+)/comments", this::comment);
  }

  private void route(String method, String regex, Handler h) {
    routes.add(new Route(method, Pattern.compile("^" + regex + "/?$"), h));
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String path = req.getRequestURI();
    if (path.startsWith("/_sandbox/")) {
      admin.handle(req, res);
      return;
    }
    Reply reply;
    state.lock.lock();
    try {
      reply = dispatch(req, path);
    } catch (ApiException e) {
      reply = Reply.of(e.status, e.body);
    } finally {
      state.lock.unlock();
    }
    reply.headers().forEach(res::setHeader);
    if (reply.body() == null) {
      res.setStatus(reply.status());
      if (reply.status() == 404) RequestGate.json(res, 404, ApiException.notFound().body);
    } else {
      RequestGate.json(res, reply.status(), reply.body());
    }
  }

  private Reply dispatch(HttpServletRequest req, String path) throws IOException {
    for (Route r : routes) {
      if (!r.method().equals(req.getMethod())) continue;
      Matcher m = r.path().matcher(path);
      if (m.matches()) return r.handler().handle(new Call(req, m));
    }
    throw ApiException.notFound();
  }

  // ---- accounts ---------------------------------------------------------------------------------

  private Account org(String login) {
    return state.account(login).filter(a -> a.organization).orElseThrow(ApiException::notFound);
  }

  private Team team(String orgLogin, String slug) {
    Team t = org(orgLogin).teams.get(slug.toLowerCase(Locale.ROOT));
    if (t == null) throw ApiException.notFound();
    return t;
  }

  private Team legacyTeam(Call c) {
    Team t = state.teamById(Long.parseLong(c.seg(2))).orElseThrow(ApiException::notFound);
    if (t.org.id != Long.parseLong(c.seg(1))) throw ApiException.notFound();
    return t;
  }

  private int publicRepos(Account a) {
    return (int) state.repos().stream().filter(r -> r.owner == a && !r.isPrivate()).count();
  }

  private Reply getUser(Call c) {
    Account a = state.account(c.seg(1)).orElseThrow(ApiException::notFound);
    return Reply.ok(a.organization ? json.organization(a, publicRepos(a)) : json.fullUser(a, false, publicRepos(a)));
  }

  private Reply rateLimit(Call c) {
    ObjectNode out = GitHubJson.object();
    ObjectNode resources = out.putObject("resources");
    for (String resource : List.of("core", "search")) {
      RateBudget.Window w = budget.peek(c.me().login, resource);
      ObjectNode n = resources.putObject(resource);
      n.put("limit", w.limit());
      n.put("used", w.used());
      n.put("remaining", w.remaining());
      n.put("reset", w.resetEpochSeconds());
      if (resource.equals("core")) out.set("rate", n.deepCopy());
    }
    return Reply.ok(out);
  }

  // ---- repositories -----------------------------------------------------------------------------

  private List<JsonNode> reposOf(Predicate<Repo> filter) {
    return state.repos().stream()
        .filter(filter)
        .sorted(Comparator.comparingLong((Repo r) -> r.id).reversed())
        .map(r -> (JsonNode) json.repository(r, "admin"))
        .toList();
  }

  private Reply createRepo(Call c, Account owner) {
    JsonNode b = c.body();
    String docs = D_REPOS + (owner.organization ? "#create-an-organization-repository"
        : "#create-a-repository-for-the-authenticated-user");
    JsonNode nameNode = b.get("name");
    if (nameNode == null || !nameNode.isTextual() || nameNode.asText().isBlank()) {
      throw ApiException.invalid(docs, "\"name\" wasn't supplied.");
    }
    String name = nameNode.asText().replaceAll("[^A-Za-z0-9_.-]", "-");
    if (state.repo(owner.login, name).isPresent()) {
      throw ApiException.validation(docs, "Repository creation failed.", "Repository", "name", "custom",
          "name already exists on this account");
    }
    String visibility = b.path("private").asBoolean(false) ? "private" : "public";
    if (b.hasNonNull("visibility")) visibility = visibility(b.get("visibility"), owner, docs);
    if (owner.organization && !owner.membersCanCreateRepositories && !c.me().login.endsWith("[bot]")
        && !owner.admins.contains(c.me().login)) {
      // the organisation lets only its owners create repositories (an App's installation may too)
      throw new ApiException(403, "You need admin access to the organization before adding a repository to it.", docs);
    }
    Set<String> scopes = c.scopes();
    if (scopes != null && !scopes.contains("repo") && !(visibility.equals("public") && scopes.contains("public_repo"))) {
      // what GitHub answers a classic token without the scope to create such a repository
      throw new ApiException(403, "Resource not accessible by personal access token", docs);
    }
    // GitHub's create call takes no default_branch: new repositories get the owner's default-branch setting
    String branch = owner.defaultBranch;
    checkSettings(b, docs);
    Repo r = state.addRepo(owner, name, true, branch);
    r.visibility = visibility;
    applySettings(r, b);
    if (b.path("auto_init").asBoolean(false)) {
      r.initialCommit(new PersonIdent(c.me().login, c.me().login + "@users.noreply.sandbox"));
    }
    return new Reply(201, json.repository(r, "admin"), Map.of("Location", json.repoApi(r)));
  }

  private static String visibility(JsonNode v, Account owner, String docs) {
    String s = v.asText();
    if (!Set.of("public", "private", "internal").contains(s)) {
      throw ApiException.invalid(docs, "For 'properties/visibility', \"" + s + "\" is not a member of enum.");
    }
    if (s.equals("internal") && !owner.organization) {
      throw ApiException.validation(docs, "Validation Failed", "Repository", "visibility", "invalid", null);
    }
    return s;
  }

  private static void checkSettings(JsonNode b, String docs) {
    for (Map.Entry<String, Object> s : Repo.defaultSettings().entrySet()) {
      JsonNode v = b.get(s.getKey());
      if (v == null || v.isNull()) continue;
      boolean ok = s.getValue() instanceof Boolean ? v.isBoolean() : v.isTextual();
      if (!ok) {
        throw ApiException.invalid(docs, "For 'properties/" + s.getKey() + "', " + v + " is not a "
            + (s.getValue() instanceof Boolean ? "boolean" : "string") + ".");
      }
    }
    for (String text : List.of("description", "homepage")) {
      JsonNode v = b.get(text);
      if (v != null && !v.isNull() && !v.isTextual()) {
        throw ApiException.invalid(docs, "For 'properties/" + text + "', " + v + " is not a string.");
      }
    }
  }

  private static void applySettings(Repo r, JsonNode b) {
    for (String key : Repo.defaultSettings().keySet()) {
      JsonNode v = b.get(key);
      if (v != null && !v.isNull()) r.settings.put(key, v.isBoolean() ? v.asBoolean() : v.asText());
    }
    if (b.has("description")) r.description = b.get("description").isNull() ? null : b.get("description").asText();
    if (b.has("homepage")) r.homepage = b.get("homepage").isNull() ? null : b.get("homepage").asText();
    r.updatedAt = SandboxState.now();
  }

  private Reply updateRepo(Call c) {
    Repo r = c.repo();
    JsonNode b = c.body();
    String docs = D_REPOS + "#update-a-repository";
    checkSettings(b, docs);
    if (b.hasNonNull("name") && !b.get("name").asText().equals(r.name)) {
      throw ApiException.validation(docs, "Validation Failed", "Repository", "name", "invalid",
          "the sandbox does not rename repositories");
    }
    String visibility = r.visibility;
    if (b.hasNonNull("private")) visibility = b.get("private").asBoolean() ? "private" : "public";
    if (b.hasNonNull("visibility")) visibility = visibility(b.get("visibility"), r.owner, docs);
    if (b.hasNonNull("default_branch")) {
      String branch = b.get("default_branch").asText();
      if (!branch.equals(r.defaultBranch) && r.branchHead(branch).isEmpty()) {
        throw ApiException.validation(docs, "Validation Failed", "Repository", "default_branch", "invalid",
            "Cannot update default branch for this repository to a branch that does not exist: " + branch);
      }
      r.defaultBranch = branch;
      r.pointHeadAt(branch);
    }
    Map<String, String> security = security(r, visibility, b.get("security_and_analysis"), docs);
    r.visibility = visibility;
    applySettings(r, b);
    r.security.putAll(security);
    return Reply.ok(json.repository(r, "admin"));
  }

  private static final String D_SECURITY = "https://docs.github.com/rest/repos/repos#enable-vulnerability-alerts";
  private static final String D_PROPERTIES =
      "https://docs.github.com/rest/repos/custom-properties#create-or-update-custom-property-values-for-a-repository";
  private static final Set<String> SECURITY_FEATURES = Set.of("advanced_security", "secret_scanning",
      "secret_scanning_push_protection", "secret_scanning_non_provider_patterns", "secret_scanning_validity_checks");

  /**
   * Checks {@code security_and_analysis} as GitHub does: each feature {@code {status:
   * enabled|disabled}}; secret scanning of a non-public repository needs Advanced Security (here:
   * the enterprise plan, else 403); push protection needs secret scanning (422).
   */
  private static Map<String, String> security(Repo r, String visibility, JsonNode sa, String docs) {
    Map<String, String> out = new LinkedHashMap<>();
    if (sa == null || sa.isNull()) return out;
    if (!sa.isObject()) throw ApiException.invalid(docs, "For 'properties/security_and_analysis', " + sa + " is not an object.");
    for (Iterator<Map.Entry<String, JsonNode>> it = sa.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      String status = f.getValue().path("status").asText("");
      if (!SECURITY_FEATURES.contains(f.getKey()) || !Set.of("enabled", "disabled").contains(status)) {
        throw ApiException.invalid(docs, "For 'properties/security_and_analysis/" + f.getKey() + "', " + f.getValue()
            + " is not valid.");
      }
      out.put(f.getKey(), status);
    }
    boolean scanning = "enabled".equals(out.getOrDefault("secret_scanning", r.security.get("secret_scanning")));
    if (out.values().contains("enabled") && !visibility.equals("public") && !"enterprise".equals(r.owner.plan)) {
      // a feature the plan does not have, like branch protection of a private repository on Free
      throw new ApiException(403, "Advanced Security has not been purchased for " + r.owner.login
          + ": secret scanning of a " + visibility + " repository needs it", docs);
    }
    if ("enabled".equals(out.get("secret_scanning_push_protection")) && !scanning) {
      throw ApiException.validation(docs, "Validation Failed", "Repository", "security_and_analysis", "invalid",
          "Secret scanning push protection requires secret scanning to be enabled");
    }
    return out;
  }

  private ArrayNode propertySchema(Account org) {
    ArrayNode out = GitHubJson.array();
    org.propertySchema.forEach((name, d) -> {
      ObjectNode p = out.addObject();
      p.put("property_name", name);
      p.put("url", json.base() + "/orgs/" + org.login + "/properties/schema/" + name);
      p.put("source_type", "organization");
      p.put("value_type", d.valueType());
      p.put("required", d.required());
      if (d.allowed().isEmpty()) {
        p.putNull("allowed_values");
      } else {
        d.allowed().forEach(p.putArray("allowed_values")::add);
      }
      p.put("values_editable_by", "org_actors");
    });
    return out;
  }

  /**
   * Checks every value first and sets them all or none, as GitHub does: a name the organisation
   * does not define, a value of the wrong shape for its type, a select's value it does not allow,
   * or null for a required property is a 422.
   */
  private Reply setCustomProperties(Call c) {
    Repo r = c.repo();
    if (!r.owner.organization) throw ApiException.notFound();
    JsonNode props = c.body().get("properties");
    if (props == null || !props.isArray()) throw ApiException.invalid(D_PROPERTIES, "\"properties\" wasn't supplied.");
    Map<String, Object> set = new LinkedHashMap<>();
    for (JsonNode p : props) {
      String name = p.path("property_name").asText("");
      SandboxState.PropertyDefinition def = r.owner.propertySchema.get(name);
      if (def == null) {
        throw new ApiException(422, "Unexpected property '" + name + "'", D_PROPERTIES);
      }
      JsonNode v = p.get("value");
      if (v == null || v.isNull()) {
        if (def.required()) {
          throw new ApiException(422, "Property '" + name + "' is required and cannot be unset", D_PROPERTIES);
        }
        set.put(name, null);
        continue;
      }
      boolean multi = def.valueType().equals("multi_select");
      if (multi ? !v.isArray() : !v.isTextual()) {
        throw new ApiException(422, "Property '" + name + "' of type " + def.valueType() + " takes "
            + (multi ? "an array of strings" : "a string"), D_PROPERTIES);
      }
      List<String> values = new ArrayList<>();
      if (multi) v.forEach(x -> values.add(x.asText()));
      else values.add(v.asText());
      List<String> allowed = def.valueType().equals("true_false") ? List.of("true", "false") : def.allowed();
      for (String x : values) {
        if (!allowed.isEmpty() && !allowed.contains(x)) {
          throw new ApiException(422, "Value '" + x + "' is not allowed for property '" + name + "'", D_PROPERTIES);
        }
      }
      set.put(name, multi ? List.copyOf(values) : values.get(0));
    }
    set.forEach((k, v) -> {
      if (v == null) r.customProperties.remove(k);
      else r.customProperties.put(k, v);
    });
    return Reply.noContent();
  }

  private ObjectNode topics(Repo r) {
    ObjectNode n = GitHubJson.object();
    ArrayNode names = n.putArray("names");
    r.topics.forEach(names::add);
    return n;
  }

  private Reply setTopics(Call c) {
    Repo r = c.repo();
    JsonNode names = c.body().get("names");
    if (names == null || !names.isArray()) throw ApiException.invalid(D_TOPICS, "\"names\" wasn't supplied.");
    Set<String> topics = new LinkedHashSet<>();
    for (JsonNode n : names) {
      String t = n.asText().trim();
      if (!n.isTextual() || !TOPIC.matcher(t).matches()) {
        throw ApiException.validation(D_TOPICS, "Validation Failed", "Repository", "topics", "invalid",
            "Topics must start with a lowercase letter or number, consist of 50 characters or less, and can"
                + " include hyphens.");
      }
      topics.add(t);
    }
    if (topics.size() > 20) {
      throw ApiException.validation(D_TOPICS, "Validation Failed", "Repository", "topics", "invalid",
          "A repository cannot have more than 20 topics.");
    }
    r.topics = new ArrayList<>(topics);
    r.updatedAt = SandboxState.now();
    return Reply.ok(topics(r));
  }

  private Reply search(Call c) {
    String q = c.query("q");
    if (q == null || q.isBlank()) {
      throw ApiException.validation("https://docs.github.com/rest/search/search#search-repositories",
          "Validation Failed", "Search", "q", "missing", null);
    }
    List<Predicate<Repo>> filters = new ArrayList<>();
    for (String term : q.trim().split("\\s+")) {
      int colon = term.indexOf(':');
      String key = colon < 0 ? "" : term.substring(0, colon).toLowerCase(Locale.ROOT);
      String value = colon < 0 ? term : term.substring(colon + 1);
      switch (key) {
        case "org", "user", "owner" -> filters.add(r -> r.owner.login.equalsIgnoreCase(value));
        case "topic" -> filters.add(r -> r.topics.contains(value.toLowerCase(Locale.ROOT)));
        case "repo" -> filters.add(r -> r.fullName().equalsIgnoreCase(value));
        case "is" -> filters.add(r -> value.equals("private") ? r.isPrivate()
            : !value.equals("public") || !r.isPrivate());
        case "archived" -> filters.add(r -> r.settings.get("archived").toString().equals(value));
        case "in", "fork", "sort" -> { }
        default -> filters.add(r -> r.name.toLowerCase(Locale.ROOT).contains(term.toLowerCase(Locale.ROOT)));
      }
    }
    List<JsonNode> items = state.repos().stream()
        .filter(r -> filters.stream().allMatch(f -> f.test(r)))
        .map(r -> {
          ObjectNode n = json.repository(r, "admin");
          n.put("score", 1.0);
          return (JsonNode) n;
        })
        .toList();
    Reply page = page(c, items);
    ObjectNode out = GitHubJson.object();
    out.put("total_count", items.size());
    out.put("incomplete_results", false);
    out.set("items", page.body());
    return new Reply(200, out, page.headers());
  }

  // ---- teams and collaborators ------------------------------------------------------------------

  private Repo orgRepo(Team t, String owner, String name, String docs) {
    Repo r = state.repo(owner, name).orElseThrow(ApiException::notFound);
    if (r.owner != t.org) {
      throw ApiException.validation(docs, "Validation Failed", "Team", "repository", "invalid",
          "Repository must be owned by the team's organization");
    }
    return r;
  }

  private Reply grantTeam(Call c, Team t, String owner, String name) {
    String docs = D_TEAMS + "#add-or-update-team-repository-permissions";
    Repo r = orgRepo(t, owner, name, docs);
    JsonNode p = c.body().get("permission");
    String permission = p == null || p.isNull() ? "pull" : p.asText();
    if (!PERMISSIONS.contains(permission)) {
      throw ApiException.validation(docs, "Validation Failed", "Team", "permission", "invalid",
          "permission must be one of pull, triage, push, maintain, admin");
    }
    r.teams.put(t.slug, permission);
    return Reply.noContent();
  }

  private Reply checkTeam(Call c, Team t, String owner, String name) {
    Repo r = state.repo(owner, name).orElseThrow(ApiException::notFound);
    String permission = r.teams.get(t.slug);
    if (permission == null || r.owner != t.org) throw ApiException.notFound();
    String accept = c.req.getHeader("Accept");
    if (accept != null && accept.contains("application/vnd.github.v3.repository+json")) {
      ObjectNode n = json.repository(r, permission);
      n.put("role_name", GitHubJson.roleName(permission));
      return Reply.ok(n);
    }
    return Reply.noContent();
  }

  private Reply revokeTeam(Team t, String owner, String name) {
    Repo r = state.repo(owner, name).orElseThrow(ApiException::notFound);
    r.teams.remove(t.slug);
    return Reply.noContent();
  }

  /** A user's role on the repository: owner → admin, else collaborator or org-team permission. */
  private String permissionOf(Repo r, String login) {
    if (r.owner.login.equalsIgnoreCase(login)) return "admin";
    return r.collaborators.get(login);
  }

  private Reply addCollaborator(Call c) {
    Repo r = c.repo();
    String login = c.seg(3);
    Account user = state.account(login).filter(a -> !a.organization).orElseThrow(ApiException::notFound);
    JsonNode p = c.body().get("permission");
    String permission = p == null || p.isNull() ? "push" : p.asText();
    if (!PERMISSIONS.contains(permission)) {
      throw ApiException.validation(D_COLLABORATORS, "Validation Failed", "Repository", "permission", "invalid",
          "permission must be one of pull, triage, push, maintain, admin");
    }
    if (r.owner.organization && r.owner.members.contains(user.login) || r.collaborators.containsKey(user.login)) {
      r.collaborators.put(user.login, permission);
      return Reply.noContent();
    }
    r.invitations.put(user.login, permission);
    ObjectNode inv = GitHubJson.object();
    long id = state.nextId();
    inv.put("id", id);
    inv.put("node_id", GitHubJson.nodeId("RI", id));
    inv.set("repository", json.repository(r, "admin"));
    inv.set("invitee", json.user(user));
    inv.set("inviter", json.user(c.me()));
    inv.put("permissions", GitHubJson.roleName(permission));
    inv.put("created_at", GitHubJson.time(SandboxState.now()));
    inv.put("expired", false);
    inv.put("url", json.repoApi(r) + "/invitations/" + id);
    inv.put("html_url", json.base() + "/" + r.fullName() + "/invitations");
    return Reply.of(201, inv);
  }

  private ObjectNode collaborator(Account a, String permission) {
    ObjectNode n = json.user(a);
    n.set("permissions", GitHubJson.permissionFlags(permission));
    n.put("role_name", GitHubJson.roleName(permission));
    return n;
  }

  private Reply listCollaborators(Call c) {
    Repo r = c.repo();
    List<JsonNode> out = new ArrayList<>();
    if (!r.owner.organization) out.add(collaborator(r.owner, "admin"));
    r.collaborators.forEach((login, perm) -> state.account(login).ifPresent(a -> out.add(collaborator(a, perm))));
    return page(c, out);
  }

  private Reply listInvitations(Call c) {
    Repo r = c.repo();
    List<JsonNode> out = new ArrayList<>();
    r.invitations.forEach((login, perm) -> state.account(login).ifPresent(a -> {
      ObjectNode inv = GitHubJson.object();
      inv.put("id", a.id);
      inv.set("invitee", json.user(a));
      inv.put("permissions", GitHubJson.roleName(perm));
      out.add(inv);
    }));
    return page(c, out);
  }

  private Reply collaboratorPermission(Call c) {
    Repo r = c.repo();
    Account a = state.account(c.seg(3)).orElseThrow(ApiException::notFound);
    String perm = permissionOf(r, a.login);
    ObjectNode n = GitHubJson.object();
    String legacy = perm == null ? "none" : switch (perm) {
      case "admin" -> "admin";
      case "maintain", "push" -> "write";
      default -> "read";
    };
    n.put("permission", legacy);
    n.put("role_name", perm == null ? "none" : GitHubJson.roleName(perm));
    n.set("user", collaborator(a, perm == null ? "none" : perm));
    return Reply.ok(n);
  }

  // ---- branches, refs and protection ------------------------------------------------------------

  private static RevCommit branchHead(Repo r, String branch) {
    return r.branchHead(branch).orElseThrow(() -> new ApiException(404, "Branch not found",
        "https://docs.github.com/rest/branches/branches#get-a-branch"));
  }

  private Reply listBranches(Call c) {
    Repo r = c.repo();
    String onlyProtected = c.query("protected");
    List<JsonNode> out = new ArrayList<>();
    r.branches().forEach((name, sha) -> {
      if (onlyProtected == null || Boolean.parseBoolean(onlyProtected) == r.protections.containsKey(name)) {
        out.add(json.shortBranch(r, name, sha));
      }
    });
    return page(c, out);
  }

  private Reply getRef(Call c) {
    Repo r = c.repo();
    String ref = c.seg(3);
    String full = ref.startsWith("refs/") ? ref : "refs/" + ref;
    try {
      org.eclipse.jgit.lib.Ref found = r.git.exactRef(full);
      if (found == null || found.getObjectId() == null) throw ApiException.notFound();
      return Reply.ok(json.gitRef(r, full, found.getObjectId()));
    } catch (IOException e) {
      throw ApiException.notFound();
    }
  }

  private Reply getProtection(Call c) {
    Repo r = c.repo();
    requireProtectionPlan(r);
    String branch = c.seg(3);
    branchHead(r, branch);
    ObjectNode rule = r.protections.get(branch);
    if (rule == null) {
      throw new ApiException(404, "Branch not protected",
          "https://docs.github.com/rest/branches/branch-protection#get-branch-protection");
    }
    return Reply.ok(rule);
  }

  private static final String D_RULESETS = "https://docs.github.com/rest/repos/rules#create-a-repository-ruleset";
  private static final Set<String> RULE_TYPES = Set.of("creation", "update", "deletion", "required_linear_history",
      "required_deployments", "required_signatures", "pull_request", "required_status_checks", "non_fast_forward",
      "commit_message_pattern", "commit_author_email_pattern", "committer_email_pattern", "branch_name_pattern",
      "tag_name_pattern", "workflows", "code_scanning", "merge_queue");
  private static final Map<String, String> ROLES = Map.of("1", "OrganizationAdmin");

  private ObjectNode ruleset(Call c) {
    ObjectNode r = c.repo().rulesets.get(Long.parseLong(c.seg(3)));
    if (r == null) throw ApiException.notFound();
    return r;
  }

  private static ObjectNode rulesetSummary(ObjectNode r) {
    ObjectNode s = GitHubJson.object();
    for (String k : List.of("id", "name", "target", "source_type", "source", "enforcement", "node_id", "_links",
        "created_at", "updated_at")) {
      if (r.has(k)) s.set(k, r.get(k));
    }
    return s;
  }

  /** Creates ({@code id} null) or replaces a ruleset, validating it as GitHub does. */
  private Reply putRuleset(Call c, Long id) {
    Repo r = c.repo();
    requireProtectionPlan(r);
    JsonNode b = c.body();
    String name = b.path("name").asText("");
    if (name.isBlank()) throw ApiException.invalid(D_RULESETS, "\"name\" wasn't supplied.");
    String enforcement = b.path("enforcement").asText("");
    if (!Set.of("active", "evaluate", "disabled").contains(enforcement)) {
      throw ApiException.invalid(D_RULESETS, "For 'enforcement', \"" + enforcement + "\" is not a valid value.");
    }
    String target = b.path("target").asText("branch");
    if (!Set.of("branch", "tag", "push").contains(target)) {
      throw ApiException.invalid(D_RULESETS, "For 'target', \"" + target + "\" is not a valid value.");
    }
    if (enforcement.equals("evaluate") && !r.owner.plan.equals("enterprise")) {
      throw ApiException.validation(D_RULESETS, "Validation Failed", null, null, "invalid",
          "Evaluate mode is only available to GitHub Enterprise");
    }
    for (Map.Entry<Long, ObjectNode> e : r.rulesets.entrySet()) {
      if (e.getValue().path("name").asText().equals(name) && !e.getKey().equals(id)) {
        throw ApiException.validation(D_RULESETS, "Validation Failed", null, null, "invalid", "Name must be unique");
      }
    }
    for (JsonNode rule : b.path("rules")) {
      if (!RULE_TYPES.contains(rule.path("type").asText())) {
        throw ApiException.invalid(D_RULESETS, "For 'items', " + rule + " is not a valid rule.");
      }
    }
    for (JsonNode a : b.path("bypass_actors")) {
      String type = a.path("actor_type").asText();
      long actor = a.path("actor_id").asLong(-1);
      boolean known = switch (type) {
        case "Team" -> r.owner.teams.values().stream().anyMatch(t -> t.id == actor);
        case "RepositoryRole" -> Set.of(1L, 2L, 3L, 4L, 5L).contains(actor);
        case "OrganizationAdmin" -> r.owner.organization;
        case "Integration", "DeployKey" -> actor > 0;
        default -> false;
      };
      if (!known || !Set.of("always", "pull_request").contains(a.path("bypass_mode").asText("always"))) {
        throw ApiException.validation(D_RULESETS, "Validation Failed", null, null, "invalid",
            "Invalid bypass actor: " + a);
      }
    }
    ObjectNode out = GitHubJson.object();
    long rid = id == null ? state.nextId() : id;
    out.put("id", rid);
    out.put("name", name);
    out.put("target", target);
    out.put("source_type", "Repository");
    out.put("source", r.fullName());
    out.put("enforcement", enforcement);
    out.set("bypass_actors", b.path("bypass_actors").isArray() ? b.get("bypass_actors").deepCopy() : GitHubJson.array());
    out.put("node_id", "RRS_" + rid);
    out.set("conditions", b.path("conditions").isObject() ? b.get("conditions").deepCopy() : GitHubJson.object());
    out.set("rules", b.path("rules").isArray() ? b.get("rules").deepCopy() : GitHubJson.array());
    String now = SandboxState.now().toString();
    out.put("created_at", id == null ? now : r.rulesets.get(id).path("created_at").asText(now));
    out.put("updated_at", now);
    r.rulesets.put(rid, out);
    return new Reply(id == null ? 201 : 200, out, Map.of());
  }

  private static final String D_SECRETS = "https://docs.github.com/rest/actions/secrets";

  private static String keyId(Repo r) {
    return String.valueOf(java.util.Arrays.hashCode(r.secretsKey[0]) & 0x7fffffff);
  }

  private Reply secretsKey(Call c) {
    Repo r = c.repo();
    if (r.secretsKey == null) r.secretsKey = dev.scaffold.github.Sodium.keyPair();
    ObjectNode k = GitHubJson.object();
    k.put("key_id", keyId(r));
    k.put("key", java.util.Base64.getEncoder().encodeToString(r.secretsKey[0]));
    return Reply.ok(k);
  }

  /** Decrypts the sealed value as GitHub does: a value not sealed for this repository's key is refused. */
  private Reply putSecret(Call c) {
    Repo r = c.repo();
    JsonNode b = c.body();
    if (r.secretsKey == null || !keyId(r).equals(b.path("key_id").asText())) {
      throw ApiException.validation(D_SECRETS, "Validation Failed", null, "key_id", "invalid", "Bad key_id");
    }
    byte[] sealed;
    try {
      sealed = java.util.Base64.getDecoder().decode(b.path("encrypted_value").asText(""));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid(D_SECRETS, "encrypted_value is not base64");
    }
    byte[] plain = dev.scaffold.github.Sodium.open(sealed, r.secretsKey[0], r.secretsKey[1]);
    if (plain == null) throw ApiException.validation(D_SECRETS, "Validation Failed", null, null, "invalid",
        "Bad encrypted value");
    String name = c.seg(3).toUpperCase(Locale.ROOT);
    boolean existed = r.secrets.containsKey(name);
    r.secrets.put(name, new String(plain, StandardCharsets.UTF_8));
    return existed ? Reply.noContent() : new Reply(201, GitHubJson.object(), Map.of());
  }

  private Reply createVariable(Call c) {
    Repo r = c.repo();
    String name = c.body().path("name").asText("").toUpperCase(Locale.ROOT);
    if (name.isEmpty() || !c.body().path("value").isTextual()) {
      throw ApiException.invalid(D_SECRETS, "\"name\" and \"value\" must be supplied.");
    }
    if (r.variables.containsKey(name)) throw new ApiException(409, "Already exists - Variable already exists", D_SECRETS);
    r.variables.put(name, c.body().get("value").asText());
    return new Reply(201, GitHubJson.object(), Map.of());
  }

  private Reply updateVariable(Call c) {
    Repo r = c.repo();
    String name = c.seg(3).toUpperCase(Locale.ROOT);
    if (!r.variables.containsKey(name)) throw ApiException.notFound();
    r.variables.put(name, c.body().path("value").asText());
    return Reply.noContent();
  }

  private Reply putEnvironment(Call c) {
    Repo r = c.repo();
    JsonNode b = c.body();
    String docs = "https://docs.github.com/rest/deployments/environments";
    int wait = b.path("wait_timer").asInt(0);
    if (wait < 0 || wait > 43200) throw ApiException.invalid(docs, "wait_timer must be between 0 and 43200.");
    if (b.path("reviewers").size() > 6) throw ApiException.invalid(docs, "At most 6 reviewers.");
    ObjectNode env = GitHubJson.object();
    env.put("name", c.seg(3));
    ArrayNode rules = env.putArray("protection_rules");
    if (b.has("wait_timer")) rules.addObject().put("type", "wait_timer").put("wait_timer", wait);
    if (b.path("reviewers").size() > 0) {
      ObjectNode rr = rules.addObject().put("type", "required_reviewers");
      ArrayNode list = rr.putArray("reviewers");
      for (JsonNode x : b.path("reviewers")) {
        long id = x.path("id").asLong();
        String type = x.path("type").asText();
        boolean known = type.equals("User") ? state.accounts().stream().anyMatch(a -> a.id == id && !a.organization)
            : type.equals("Team") && r.owner.teams.values().stream().anyMatch(t -> t.id == id);
        if (!known) throw ApiException.validation(docs, "Validation Failed", null, null, "invalid", "Unknown reviewer " + x);
        ObjectNode one = list.addObject();
        one.put("type", type);
        one.put("id", id);
      }
    }
    r.environments.put(c.seg(3), env);
    return Reply.ok(env);
  }

  private static final String D_APPS = "https://docs.github.com/rest/apps/apps";

  private static SandboxState.App app(Call c) {
    Object app = c.req.getAttribute(RequestGate.APP);
    if (app == null) {
      throw new ApiException(401, "A JSON web token could not be decoded", D_APPS);
    }
    return (SandboxState.App) app;
  }

  private Reply installation(Call c, String owner) {
    SandboxState.App app = app(c);
    Account a = state.account(owner).orElseThrow(ApiException::notFound);
    Long id = app.installations.get(a.login.toLowerCase(Locale.ROOT));
    if (id == null) throw ApiException.notFound();
    ObjectNode n = GitHubJson.object();
    n.put("id", id);
    n.set("account", json.user(a));
    n.put("app_id", app.id);
    n.put("target_type", a.type());
    return Reply.ok(n);
  }

  /** The authenticated user's membership of an organisation: 404 when it is not a member. */
  private Reply membership(Call c) {
    Account org = org(c.seg(1));
    Account me = c.me();
    String role = state.orgRole(org, me.login).orElseThrow(ApiException::notFound);
    ObjectNode n = GitHubJson.object();
    n.put("url", json.base() + "/orgs/" + org.login + "/memberships/" + me.login);
    n.put("state", "active");
    n.put("role", role);
    n.put("organization_url", json.base() + "/orgs/" + org.login);
    n.set("organization", json.user(org));
    n.set("user", json.user(me));
    return Reply.ok(n);
  }

  /** A fresh installation token, accepted from now on as the app's bot until it expires, then refused. */
  private Reply installationToken(Call c) {
    SandboxState.App app = app(c);
    long id = Long.parseLong(c.seg(1));
    if (!app.installations.containsValue(id)) throw ApiException.notFound();
    String token = "ghs_" + java.util.UUID.randomUUID().toString().replace("-", "");
    Instant expires = SandboxState.now().plus(app.tokenLifetime);
    state.addToken(token, app.botLogin(), expires);
    app.tokensIssued++;
    ObjectNode n = GitHubJson.object();
    n.put("token", token);
    n.put("expires_at", expires.toString());
    n.putObject("permissions").put("contents", "write").put("administration", "write").put("pull_requests", "write");
    n.put("repository_selection", "all");
    return new Reply(201, n, Map.of());
  }

  private Reply requireSignatures(Call c) {
    Repo r = c.repo();
    requireProtectionPlan(r);
    ObjectNode rule = r.protections.get(c.seg(3));
    if (rule == null) throw new ApiException(404, "Branch not protected", D_PROTECTION);
    ObjectNode sig = rule.putObject("required_signatures");
    sig.put("url", json.protectionUrl(r, c.seg(3)) + "/required_signatures");
    sig.put("enabled", true);
    return Reply.ok(sig);
  }

  /** GitHub Free has no branch protection (nor rulesets) for private and internal repositories. */
  private static void requireProtectionPlan(Repo r) {
    if (r.isPrivate() && r.owner.plan.equals("free")) {
      throw new ApiException(403, "Upgrade to GitHub Pro or make this repository public to enable this feature.",
          D_PROTECTION);
    }
  }

  private static Boolean optionalFlag(JsonNode b, String key) {
    JsonNode v = b.get(key);
    if (v == null || v.isNull()) return null;
    if (!v.isBoolean()) throw ApiException.invalid(D_PROTECTION, "For '" + key + "', " + v + " is not a boolean.");
    return v.asBoolean();
  }

  private Reply putProtection(Call c) {
    Repo r = c.repo();
    requireProtectionPlan(r);
    String branch = c.seg(3);
    JsonNode b = c.body();
    for (String key : List.of("required_status_checks", "enforce_admins", "required_pull_request_reviews",
        "restrictions")) {
      if (!b.has(key)) throw ApiException.invalid(D_PROTECTION, "\"" + key + "\" wasn't supplied.");
    }
    branchHead(r, branch);
    String url = json.protectionUrl(r, branch);
    ObjectNode rule = GitHubJson.object();
    rule.put("url", url);

    JsonNode checks = b.get("required_status_checks");
    if (!checks.isNull()) {
      if (!checks.isObject()) throw ApiException.invalid(D_PROTECTION, "For 'required_status_checks', "
          + checks + " is not an object or null.");
      if (!checks.has("strict")) throw ApiException.invalid(D_PROTECTION, "\"strict\" wasn't supplied.");
      if (!checks.has("contexts") && !checks.has("checks")) {
        throw ApiException.invalid(D_PROTECTION, "\"contexts\" wasn't supplied.");
      }
      Set<String> contexts = new LinkedHashSet<>();
      Map<String, JsonNode> appIds = new LinkedHashMap<>();
      checks.path("contexts").forEach(x -> contexts.add(x.asText()));
      for (JsonNode check : checks.path("checks")) {
        if (!check.hasNonNull("context")) throw ApiException.invalid(D_PROTECTION, "\"context\" wasn't supplied.");
        contexts.add(check.get("context").asText());
        appIds.put(check.get("context").asText(), check.path("app_id"));
      }
      ObjectNode s = rule.putObject("required_status_checks");
      s.put("url", url + "/required_status_checks");
      s.put("strict", checks.path("strict").asBoolean(false));
      ArrayNode ctx = s.putArray("contexts");
      ArrayNode chk = s.putArray("checks");
      for (String context : contexts) {
        ctx.add(context);
        ObjectNode one = chk.addObject();
        one.put("context", context);
        JsonNode app = appIds.get(context);
        if (app == null || app.isMissingNode() || app.isNull()) one.putNull("app_id");
        else one.set("app_id", app);
      }
      s.put("contexts_url", url + "/required_status_checks/contexts");
    }

    JsonNode reviews = b.get("required_pull_request_reviews");
    if (!reviews.isNull()) {
      if (!reviews.isObject()) throw ApiException.invalid(D_PROTECTION, "For 'required_pull_request_reviews', "
          + reviews + " is not an object or null.");
      int count = reviews.path("required_approving_review_count").asInt(1);
      if (count < 0 || count > 6) {
        throw ApiException.invalid(D_PROTECTION, "required_approving_review_count must be between 0 and 6.");
      }
      ObjectNode p = rule.putObject("required_pull_request_reviews");
      p.put("url", url + "/required_pull_request_reviews");
      p.put("dismiss_stale_reviews", Boolean.TRUE.equals(optionalFlag(reviews, "dismiss_stale_reviews")));
      p.put("require_code_owner_reviews", Boolean.TRUE.equals(optionalFlag(reviews, "require_code_owner_reviews")));
      p.put("required_approving_review_count", count);
      p.put("require_last_push_approval", Boolean.TRUE.equals(optionalFlag(reviews, "require_last_push_approval")));
      JsonNode allow = reviews.path("bypass_pull_request_allowances");
      if (allow.isObject()) {
        if (!r.owner.organization) {
          throw ApiException.validation(D_PROTECTION, "Validation Failed", null, null, "invalid",
              "Only organization repositories can have users and team bypass allowances");
        }
        ObjectNode x = p.putObject("bypass_pull_request_allowances");
        ArrayNode users = x.putArray("users");
        allow.path("users").forEach(u -> users.add(json.user(state.account(u.asText()).orElseThrow(() ->
            ApiException.validation(D_PROTECTION, "Validation Failed", null, null, "invalid", "No user " + u.asText())))));
        ArrayNode teams = x.putArray("teams");
        for (JsonNode t : allow.path("teams")) {
          Team team = r.owner.teams.get(t.asText().toLowerCase(Locale.ROOT));
          if (team == null) {
            throw ApiException.validation(D_PROTECTION, "Validation Failed", null, null, "invalid", "No team " + t.asText());
          }
          teams.add(json.team(team, null));
        }
        ArrayNode apps = x.putArray("apps");
        allow.path("apps").forEach(a -> apps.addObject().put("slug", a.asText()));
      }
    }

    JsonNode restrictions = b.get("restrictions");
    if (!restrictions.isNull()) {
      if (!r.owner.organization) {
        throw ApiException.validation(D_PROTECTION, "Validation Failed", null, null, "invalid",
            "Only organization repositories can have users and team restrictions");
      }
      ObjectNode x = rule.putObject("restrictions");
      x.put("url", url + "/restrictions");
      x.put("users_url", url + "/restrictions/users");
      x.put("teams_url", url + "/restrictions/teams");
      x.put("apps_url", url + "/restrictions/apps");
      ArrayNode users = x.putArray("users");
      restrictions.path("users").forEach(u -> state.account(u.asText()).ifPresent(a -> users.add(json.user(a))));
      ArrayNode teams = x.putArray("teams");
      restrictions.path("teams").forEach(t -> {
        Team team = r.owner.teams.get(t.asText().toLowerCase(Locale.ROOT));
        if (team != null) teams.add(json.team(team, null));
      });
      ArrayNode apps = x.putArray("apps");
      restrictions.path("apps").forEach(a -> apps.addObject().put("slug", a.asText()));
    }

    JsonNode enforce = b.get("enforce_admins");
    if (!enforce.isNull() && !enforce.isBoolean()) {
      throw ApiException.invalid(D_PROTECTION, "For 'enforce_admins', " + enforce + " is not a boolean or null.");
    }
    ObjectNode admins = rule.putObject("enforce_admins");
    admins.put("url", url + "/enforce_admins");
    admins.put("enabled", enforce.asBoolean(false));
    ObjectNode signatures = rule.putObject("required_signatures");
    signatures.put("url", url + "/required_signatures");
    signatures.put("enabled", false);
    for (String flag : List.of("required_linear_history", "allow_force_pushes", "allow_deletions",
        "block_creations", "required_conversation_resolution", "lock_branch", "allow_fork_syncing")) {
      rule.putObject(flag).put("enabled", Boolean.TRUE.equals(optionalFlag(b, flag)));
    }
    r.protections.put(branch, rule);
    return Reply.ok(rule);
  }

  // ---- pull requests ----------------------------------------------------------------------------

  private Pull pull(Call c) {
    int number = Integer.parseInt(c.seg(3));
    return c.repo().pulls.stream().filter(p -> p.number == number).findFirst().orElseThrow(ApiException::notFound);
  }

  private Reply listPulls(Call c) {
    Repo r = c.repo();
    String stateFilter = Optional.ofNullable(c.query("state")).orElse("open");
    if (!Set.of("open", "closed", "all").contains(stateFilter)) {
      throw ApiException.validation("https://docs.github.com/rest/pulls/pulls#list-pull-requests",
          "Validation Failed", "PullRequest", "state", "invalid", null);
    }
    String head = c.query("head");
    String base = c.query("base");
    List<JsonNode> out = r.pulls.stream()
        .filter(p -> stateFilter.equals("all") || p.state.equals(stateFilter))
        // like GitHub, a head filter without the "owner:" prefix is ignored
        .filter(p -> head == null || !head.contains(":")
            || p.headOwner.equalsIgnoreCase(head.substring(0, head.indexOf(':')))
                && p.head.equals(head.substring(head.indexOf(':') + 1)))
        .filter(p -> base == null || p.base.equals(base))
        .sorted(Comparator.comparingInt((Pull p) -> p.number).reversed())
        .map(p -> (JsonNode) json.pull(r, p))
        .toList();
    return page(c, out);
  }

  private Optional<Pull> openPull(Repo r, String headOwner, String head, String base, Pull except) {
    return r.pulls.stream()
        .filter(p -> p != except && p.state.equals("open") && p.headOwner.equalsIgnoreCase(headOwner)
            && p.head.equals(head) && p.base.equals(base))
        .findFirst();
  }

  private Reply createPull(Call c) {
    Repo r = c.repo();
    JsonNode b = c.body();
    for (String key : List.of("head", "base")) {
      if (!b.hasNonNull(key)) throw ApiException.invalid(D_PULLS, "\"" + key + "\" wasn't supplied.");
    }
    if (!b.hasNonNull("title") && !b.hasNonNull("issue")) {
      throw ApiException.validation(D_PULLS, "Validation Failed", "PullRequest", "title", "missing_field", null);
    }
    String headSpec = b.get("head").asText();
    String headOwner = headSpec.contains(":") ? headSpec.substring(0, headSpec.indexOf(':')) : r.owner.login;
    String head = headSpec.contains(":") ? headSpec.substring(headSpec.indexOf(':') + 1) : headSpec;
    String base = b.get("base").asText();
    Optional<RevCommit> headCommit = headOwner.equalsIgnoreCase(r.owner.login) ? r.branchHead(head)
        : Optional.empty();
    if (headCommit.isEmpty()) {
      throw ApiException.validation(D_PULLS, "Validation Failed", "PullRequest", "head", "invalid", null);
    }
    Optional<RevCommit> baseCommit = r.branchHead(base);
    if (baseCommit.isEmpty()) {
      throw ApiException.validation(D_PULLS, "Validation Failed", "PullRequest", "base", "invalid", null);
    }
    if (openPull(r, r.owner.login, head, base, null).isPresent()) {
      throw ApiException.validation(D_PULLS, "Validation Failed", "PullRequest", null, "custom",
          "A pull request already exists for " + r.owner.login + ":" + head + ".");
    }
    if (!r.hasCommitsBeyond(headCommit.get(), baseCommit.get())) {
      throw ApiException.validation(D_PULLS, "Validation Failed", "PullRequest", null, "custom",
          "No commits between " + base + " and " + head);
    }
    Pull p = new Pull(state.nextId(), ++r.lastNumber, c.me(), r.owner.login, head, base, SandboxState.now());
    p.title = b.path("title").asText("");
    p.body = b.hasNonNull("body") ? b.get("body").asText() : null;
    p.draft = b.path("draft").asBoolean(false);
    p.maintainerCanModify = b.path("maintainer_can_modify").asBoolean(false);
    r.pulls.add(p);
    return new Reply(201, json.pull(r, p), Map.of("Location", json.repoApi(r) + "/pulls/" + p.number));
  }

  private Reply updatePull(Call c) {
    Repo r = c.repo();
    Pull p = pull(c);
    JsonNode b = c.body();
    String docs = "https://docs.github.com/rest/pulls/pulls#update-a-pull-request";
    if (b.hasNonNull("state")) {
      String s = b.get("state").asText();
      if (!Set.of("open", "closed").contains(s)) {
        throw ApiException.invalid(docs, "For 'properties/state', \"" + s + "\" is not a member of enum.");
      }
      if (s.equals("open") && !p.state.equals("open")
          && openPull(r, p.headOwner, p.head, b.path("base").asText(p.base), p).isPresent()) {
        throw ApiException.validation(docs, "Validation Failed", "PullRequest", null, "custom",
            "A pull request already exists for " + p.headOwner + ":" + p.head + ".");
      }
      p.state = s;
      p.closedAt = s.equals("closed") ? Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) : null;
    }
    if (b.hasNonNull("base")) {
      String base = b.get("base").asText();
      if (r.branchHead(base).isEmpty()) {
        throw ApiException.validation(docs, "Validation Failed", "PullRequest", "base", "invalid", null);
      }
      p.base = base;
    }
    if (b.hasNonNull("title")) p.title = b.get("title").asText();
    if (b.has("body")) p.body = b.get("body").isNull() ? null : b.get("body").asText();
    if (b.hasNonNull("maintainer_can_modify")) p.maintainerCanModify = b.get("maintainer_can_modify").asBoolean();
    p.updatedAt = SandboxState.now();
    return Reply.ok(json.pull(r, p));
  }

  private Reply comment(Call c) {
    Repo r = c.repo();
    Pull p = pull(c);
    JsonNode body = c.body().get("body");
    if (body == null || !body.isTextual()) {
      throw ApiException.invalid("https://docs.github.com/rest/issues/comments#create-an-issue-comment",
          "\"body\" wasn't supplied.");
    }
    p.comments.add(body.asText());
    long id = state.nextId();
    ObjectNode n = GitHubJson.object();
    n.put("id", id);
    n.put("node_id", GitHubJson.nodeId("IC", id));
    n.put("url", json.repoApi(r) + "/issues/comments/" + id);
    n.put("html_url", json.base() + "/" + r.fullName() + "/pull/" + p.number + "#issuecomment-" + id);
    n.put("issue_url", json.repoApi(r) + "/issues/" + p.number);
    n.put("body", body.asText());
    n.set("user", json.user(c.me()));
    String now = GitHubJson.time(SandboxState.now());
    n.put("created_at", now);
    n.put("updated_at", now);
    n.put("author_association", "OWNER");
    return Reply.of(201, n);
  }

  // ---- pagination -------------------------------------------------------------------------------

  /** One page of {@code items} with GitHub's {@code Link} header (next, last, first, prev). */
  private Reply page(Call c, List<JsonNode> items) {
    int perPage = intParam(c, "per_page", 30, 1, 100);
    int pageNo = intParam(c, "page", 1, 1, Integer.MAX_VALUE);
    int last = Math.max(1, (items.size() + perPage - 1) / perPage);
    ArrayNode out = GitHubJson.array();
    int from = (int) Math.min((long) (pageNo - 1) * perPage, items.size());
    items.subList(from, Math.min(from + perPage, items.size())).forEach(out::add);
    List<String> links = new ArrayList<>();
    if (pageNo < last) {
      links.add(link(c, pageNo + 1, "next"));
      links.add(link(c, last, "last"));
    }
    if (pageNo > 1) {
      links.add(link(c, Math.min(pageNo - 1, last), "prev"));
      links.add(link(c, 1, "first"));
    }
    return new Reply(200, out, links.isEmpty() ? Map.of() : Map.of("Link", String.join(", ", links)));
  }

  private static int intParam(Call c, String name, int dflt, int min, int max) {
    String v = c.query(name);
    if (v == null || v.isBlank()) return dflt;
    try {
      return Math.max(min, Math.min(max, Integer.parseInt(v.trim())));
    } catch (NumberFormatException e) {
      return dflt;
    }
  }

  private String link(Call c, int page, String rel) {
    StringBuilder q = new StringBuilder();
    for (Map.Entry<String, String[]> e : c.req.getParameterMap().entrySet()) {
      if (e.getKey().equals("page")) continue;
      for (String v : e.getValue()) {
        q.append(q.length() == 0 ? "" : "&").append(enc(e.getKey())).append('=').append(enc(v));
      }
    }
    q.append(q.length() == 0 ? "" : "&").append("page=").append(page);
    return "<" + json.base() + c.req.getRequestURI() + "?" + q + ">; rel=\"" + rel + "\"";
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
