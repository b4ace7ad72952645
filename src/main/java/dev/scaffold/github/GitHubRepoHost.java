package dev.scaffold.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scaffold.publish.GitHubSettings;
import dev.scaffold.publish.RemoteFailure;
import dev.scaffold.publish.RepoHost;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.extras.HttpClientGitHubConnector;

/**
 * {@link RepoHost} on GitHub's REST API. Every call is one request on a route of GitHub's published
 * description, sent through github-api's connector: its high-level objects add reads and, in 1.330,
 * use undocumented routes for team grants and refs and an invalid body for status checks.
 */
public final class GitHubRepoHost implements RepoHost {

  public static final String DEFAULT_URL = "https://api.github.com";

  private final GitHubRest rest;
  private String login;

  GitHubRepoHost(GitHubRest rest) {
    this.rest = rest;
  }

  /** The API at {@code baseUrl} (no trailing {@code /}), authenticated with {@code token}. */
  public static GitHubRepoHost connect(String baseUrl, String token) {
    return connect(baseUrl, token, connector());
  }

  /**
   * github-api's HTTP connector, set never to follow a redirect: a followed redirect would carry
   * the Authorization header to whatever origin it names. A 3xx answer is a failure instead.
   */
  private static GitHubConnector connector() {
    return new HttpClientGitHubConnector(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build());
  }

  /**
   * Like {@link #connect(String, String)}, for many threads at once: they share one rate budget,
   * and a request the budget or a rate-limit answer holds back fails as retryable with the wait,
   * without being sent.
   */
  public static GitHubRepoHost connectShared(String baseUrl, String token) {
    Clock clock = Clock.systemUTC();
    return new GitHubRepoHost(new GitHubRest(baseUrl == null || baseUrl.isBlank() ? DEFAULT_URL : baseUrl, token,
        connector(), clock, new RateGate(clock)));
  }

  /** As {@link #connectShared(String, String)}, with a token that may change (a GitHub App's, renewed). */
  public static GitHubRepoHost connectShared(String baseUrl, java.util.function.Supplier<String> token) {
    Clock clock = Clock.systemUTC();
    return new GitHubRepoHost(new GitHubRest(baseUrl == null || baseUrl.isBlank() ? DEFAULT_URL : baseUrl, token,
        connector(), clock, new RateGate(clock)));
  }

  static GitHubRepoHost connect(String baseUrl, String token, GitHubConnector connector) {
    return new GitHubRepoHost(new GitHubRest(baseUrl == null || baseUrl.isBlank() ? DEFAULT_URL : baseUrl, token,
        connector, Clock.systemUTC()));
  }

  private static String repoPath(String owner, String name) {
    return "/repos/" + seg(owner) + "/" + seg(name);
  }

  private static String seg(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String branchPath(String branch) {
    List<String> parts = new ArrayList<>();
    for (String p : branch.split("/")) {
      parts.add(seg(p));
    }
    return String.join("/", parts);
  }

  private static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public String login() {
    if (login == null) {
      login = rest.send("GET", "/user", null).body().path("login").asText();
    }
    return login;
  }

  @Override
  public Optional<Owner> owner(String owner) {
    GitHubRest.Answer org = rest.send("GET", "/orgs/" + seg(owner), null);
    if (org.status() != 404) {
      return Optional.of(new Owner(org.body().path("login").asText(owner), true, planName(org.body()), scopes(org),
          memberVisibilities(org.body())));
    }
    GitHubRest.Answer me = rest.send("GET", "/user", null);
    login = me.body().path("login").asText();
    return login.equalsIgnoreCase(owner)
        ? Optional.of(new Owner(login, false, planName(me.body()), scopes(me))) : Optional.empty();
  }

  /**
   * What {@code members_can_create_repositories} and its per-visibility refinements allow members;
   * null when GitHub shows none of them (it shows them to owners and to some tokens only).
   */
  private static java.util.Set<String> memberVisibilities(JsonNode org) {
    JsonNode any = org.path("members_can_create_repositories");
    java.util.Set<String> out = new java.util.TreeSet<>();
    boolean shown = any.isBoolean();
    for (String v : List.of("public", "private", "internal")) {
      JsonNode one = org.path("members_can_create_" + v + "_repositories");
      shown |= one.isBoolean();
      if (one.isBoolean() ? one.asBoolean() && any.asBoolean(true) : any.asBoolean(false)) {
        out.add(v);
      }
    }
    return shown ? out : null;
  }

  @Override
  public Optional<String> orgRole(String org) {
    GitHubRest.Answer a = rest.send("GET", "/user/memberships/orgs/" + seg(org), null);
    return a.status() == 404 ? Optional.empty() : Optional.of(a.body().path("role").asText());
  }

  private static String planName(JsonNode account) {
    JsonNode plan = account.path("plan").path("name");
    return plan.isTextual() ? plan.asText().toLowerCase(Locale.ROOT) : null;
  }

  private static java.util.Set<String> scopes(GitHubRest.Answer a) {
    if (a.scopes() == null) {
      return null;
    }
    java.util.Set<String> out = new java.util.TreeSet<>();
    for (String s : a.scopes().split(",")) {
      if (!s.isBlank()) {
        out.add(s.strip());
      }
    }
    return out;
  }

  @Override
  public java.util.Set<String> teamSlugs(String org) {
    java.util.Set<String> out = new java.util.TreeSet<>();
    for (int page = 1; ; page++) {
      JsonNode list = ok(rest.send("GET", "/orgs/" + seg(org) + "/teams?per_page=100&page=" + page, null), "GET teams of " + org);
      list.forEach(t -> out.add(t.path("slug").asText().toLowerCase(Locale.ROOT)));
      if (list.size() < 100) {
        return out;
      }
    }
  }

  @Override
  public Optional<HostedRepo> find(String owner, String name) {
    GitHubRest.Answer a = rest.send("GET", repoPath(owner, name), null);
    return a.status() == 404 ? Optional.empty() : Optional.of(repo(a.body()));
  }

  @Override
  public Optional<HostedRepo> create(GitHubSettings s, boolean inOrg) {
    Map<String, Object> body = settingsBody(s, inOrg);
    body.put("name", s.name());
    GitHubRest.Answer a = rest.send("POST", inOrg ? "/orgs/" + seg(s.owner()) + "/repos" : "/user/repos", body);
    if (a.status() == 404) {
      if (inOrg) {
        return Optional.empty();
      }
      throw RemoteFailure.permanent("POST /user/repos answered 404: " + GitHubRest.describe(a.body()), 404);
    }
    return Optional.of(repo(a.body()));
  }

  private static Map<String, Object> settingsBody(GitHubSettings s, boolean inOrg) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (s.description() != null) {
      body.put("description", s.description());
    }
    if (s.homepage() != null) {
      body.put("homepage", s.homepage());
    }
    if (inOrg) {
      body.put("visibility", s.visibility());
    } else {
      body.put("private", !s.visibility().equals("public"));
    }
    body.putAll(s.settings());
    body.putAll(s.textSettings());
    return body;
  }

  @Override
  public HostedRepo update(GitHubSettings s) {
    Map<String, Object> body = settingsBody(s, true);
    return repo(ok(rest.send("PATCH", repoPath(s.owner(), s.name()), body), "PATCH repository"));
  }

  @Override
  public void setDefaultBranch(String owner, String name, String branch) {
    ok(rest.send("PATCH", repoPath(owner, name), Map.of("default_branch", branch)), "PATCH repository");
  }

  @Override
  public List<String> topics(String owner, String name) {
    List<String> out = new ArrayList<>();
    ok(rest.send("GET", repoPath(owner, name) + "/topics", null), "GET topics").path("names").forEach(n -> out.add(n.asText()));
    return out;
  }

  @Override
  public void setVulnerabilityAlerts(String owner, String name, boolean on) {
    ok(rest.send(on ? "PUT" : "DELETE", repoPath(owner, name) + "/vulnerability-alerts", null), "Dependabot alerts");
  }

  @Override
  public void setAutomatedSecurityFixes(String owner, String name, boolean on) {
    ok(rest.send(on ? "PUT" : "DELETE", repoPath(owner, name) + "/automated-security-fixes", null),
        "Dependabot security updates");
  }

  @Override
  public void setSecurityAndAnalysis(String owner, String name, Map<String, Boolean> features) {
    Map<String, Object> sa = new LinkedHashMap<>();
    features.forEach((k, v) -> sa.put(k, Map.of("status", v ? "enabled" : "disabled")));
    ok(rest.send("PATCH", repoPath(owner, name), Map.of("security_and_analysis", sa)), "PATCH security_and_analysis");
  }

  @Override
  public void setCustomProperties(String owner, String name, Map<String, Object> values) {
    List<Map<String, Object>> properties = new ArrayList<>();
    values.forEach((k, v) -> {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("property_name", k);
      p.put("value", v);
      properties.add(p);
    });
    ok(rest.send("PATCH", repoPath(owner, name) + "/properties/values", Map.of("properties", properties)),
        "PATCH custom properties");
  }

  @Override
  public Map<String, PropertyDefinition> customPropertySchema(String org) {
    Map<String, PropertyDefinition> out = new LinkedHashMap<>();
    for (JsonNode p : ok(rest.send("GET", "/orgs/" + seg(org) + "/properties/schema", null),
        "GET custom properties of " + org)) {
      List<String> allowed = new ArrayList<>();
      p.path("allowed_values").forEach(v -> allowed.add(v.asText()));
      out.put(p.path("property_name").asText(), new PropertyDefinition(p.path("value_type").asText("string"),
          List.copyOf(allowed), p.path("required").asBoolean(false)));
    }
    return out;
  }

  @Override
  public void setTopics(String owner, String name, List<String> topics) {
    ok(rest.send("PUT", repoPath(owner, name) + "/topics", Map.of("names", topics)), "PUT topics");
  }

  @Override
  public Map<String, String> teams(String owner, String name) {
    Map<String, String> out = new LinkedHashMap<>();
    for (JsonNode t : ok(rest.send("GET", repoPath(owner, name) + "/teams?per_page=100", null), "GET teams")) {
      out.put(t.path("slug").asText().toLowerCase(Locale.ROOT), t.path("permission").asText());
    }
    return out;
  }

  @Override
  public void grantTeam(String owner, String name, String team, String permission) {
    // the documented route; github-api's GHTeam.add uses /organizations/{id}/team/{id}/repos/..
    ok(rest.send("PUT", "/orgs/" + seg(owner) + "/teams/" + seg(team) + "/repos/" + seg(owner) + "/" + seg(name),
        Map.of("permission", permission)), "grant team " + team);
  }

  @Override
  public Map<String, String> collaborators(String owner, String name) {
    Map<String, String> out = new LinkedHashMap<>();
    String base = repoPath(owner, name);
    for (JsonNode u : ok(rest.send("GET", base + "/collaborators?affiliation=direct&per_page=100", null), "GET collaborators")) {
      out.put(u.path("login").asText().toLowerCase(Locale.ROOT), permission(u.path("role_name").asText()));
    }
    for (JsonNode i : ok(rest.send("GET", base + "/invitations?per_page=100", null), "GET invitations")) {
      out.putIfAbsent(i.path("invitee").path("login").asText().toLowerCase(Locale.ROOT),
          permission(i.path("permissions").asText()));
    }
    return out;
  }

  /** GitHub's role names (read, write) back to the permission names the API takes. */
  private static String permission(String role) {
    switch (role) {
      case "read":
        return "pull";
      case "write":
        return "push";
      default:
        return role;
    }
  }

  @Override
  public void grantCollaborator(String owner, String name, String login, String permission) {
    ok(rest.send("PUT", repoPath(owner, name) + "/collaborators/" + seg(login), Map.of("permission", permission)),
        "grant collaborator " + login);
  }

  @Override
  public Optional<GitHubSettings.Protection> protection(String owner, String name, String branch) {
    GitHubRest.Answer a = rest.send("GET", repoPath(owner, name) + "/branches/" + branchPath(branch) + "/protection", null);
    if (a.status() == 404) {
      return Optional.empty();
    }
    JsonNode p = a.body();
    JsonNode reviews = p.path("required_pull_request_reviews");
    JsonNode checks = p.path("required_status_checks");
    List<String> contexts = new ArrayList<>();
    checks.path("contexts").forEach(c -> contexts.add(c.asText()));
    Map<String, Long> apps = new LinkedHashMap<>();
    checks.path("checks").forEach(c -> {
      if (c.path("app_id").canConvertToLong() && c.path("app_id").isNumber()) {
        apps.put(c.path("context").asText(), c.path("app_id").asLong());
      }
    });
    JsonNode allowances = reviews.path("bypass_pull_request_allowances");
    JsonNode restrictions = p.path("restrictions");
    return Optional.of(new GitHubSettings.Protection(
        reviews.isObject() ? reviews.path("required_approving_review_count").asInt(0) : null,
        reviews.path("require_code_owner_reviews").asBoolean(false),
        reviews.path("dismiss_stale_reviews").asBoolean(false),
        List.copyOf(contexts),
        checks.path("strict").asBoolean(false),
        p.path("enforce_admins").path("enabled").asBoolean(false),
        p.path("required_linear_history").path("enabled").asBoolean(false),
        reviews.path("require_last_push_approval").asBoolean(false),
        p.path("required_conversation_resolution").path("enabled").asBoolean(false),
        p.path("required_signatures").path("enabled").asBoolean(false),
        p.path("allow_force_pushes").path("enabled").asBoolean(false),
        p.path("allow_deletions").path("enabled").asBoolean(false),
        Map.copyOf(apps),
        allowances.isObject() ? actors(allowances) : List.of(),
        restrictions.isObject() ? actors(restrictions) : null));
  }

  /** {users: [{login}], teams: [{slug}], apps: [{slug}]} back to actors. */
  private static List<GitHubSettings.Actor> actors(JsonNode lists) {
    List<GitHubSettings.Actor> out = new ArrayList<>();
    lists.path("users").forEach(u -> out.add(new GitHubSettings.Actor("user", u.path("login").asText(), "always")));
    lists.path("teams").forEach(t -> out.add(new GitHubSettings.Actor("team", t.path("slug").asText(), "always")));
    lists.path("apps").forEach(a -> out.add(new GitHubSettings.Actor("app", a.path("slug").asText(), "always")));
    return List.copyOf(out);
  }

  @Override
  public void protect(String owner, String name, String branch, GitHubSettings.Protection rule) {
    // GitHub requires all four keys, null included, and strict + contexts in status checks
    // (github-api's addRequiredChecks sends "checks" without "contexts")
    Map<String, Object> body = new LinkedHashMap<>();
    if (rule.checks().isEmpty()) {
      body.put("required_status_checks", null);
    } else {
      Map<String, Object> checks = new LinkedHashMap<>();
      checks.put("strict", rule.strict());
      // GitHub's description requires "contexts" even where "checks" names the app of each
      checks.put("contexts", rule.checks());
      if (!rule.checkApps().isEmpty()) {
        List<Object> list = new ArrayList<>();
        for (String c : rule.checks()) {
          Map<String, Object> check = new LinkedHashMap<>();
          check.put("context", c);
          if (rule.checkApps().containsKey(c)) {
            check.put("app_id", rule.checkApps().get(c));
          }
          list.add(check);
        }
        checks.put("checks", list);
      }
      body.put("required_status_checks", checks);
    }
    body.put("enforce_admins", rule.enforceAdmins());
    if (rule.reviews() == null) {
      body.put("required_pull_request_reviews", null);
    } else {
      Map<String, Object> reviews = new LinkedHashMap<>();
      reviews.put("dismiss_stale_reviews", rule.dismissStaleReviews());
      reviews.put("require_code_owner_reviews", rule.codeOwnerReviews());
      reviews.put("required_approving_review_count", rule.reviews());
      reviews.put("require_last_push_approval", rule.lastPushApproval());
      if (!rule.bypass().isEmpty()) {
        reviews.put("bypass_pull_request_allowances", actorLists(rule.bypass()));
      }
      body.put("required_pull_request_reviews", reviews);
    }
    body.put("restrictions", rule.restrictions() == null ? null : actorLists(rule.restrictions()));
    body.put("required_linear_history", rule.linearHistory());
    body.put("allow_force_pushes", rule.allowForcePushes());
    body.put("allow_deletions", rule.allowDeletions());
    body.put("required_conversation_resolution", rule.conversationResolution());
    String route = repoPath(owner, name) + "/branches/" + branchPath(branch) + "/protection";
    ok(rest.send("PUT", route, body), "protect " + branch);
    // signed commits are not part of the protection body: their own sub-resource
    if (rule.signatures()) {
      ok(rest.send("POST", route + "/required_signatures", null), "require signed commits on " + branch);
    }
  }

  /** Classic protection's {users, teams, apps} lists of logins and slugs. */
  private static Map<String, Object> actorLists(List<GitHubSettings.Actor> actors) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String type : List.of("user", "team", "app")) {
      out.put(type + "s", actors.stream().filter(a -> a.type().equals(type)).map(GitHubSettings.Actor::name).toList());
    }
    return out;
  }

  @Override
  public Map<String, Long> rulesets(String owner, String name) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (int page = 1; ; page++) {
      JsonNode list = ok(rest.send("GET", repoPath(owner, name) + "/rulesets?includes_parents=false&per_page=100&page="
          + page, null), "GET rulesets");
      list.forEach(r -> out.put(r.path("name").asText(), r.path("id").asLong()));
      if (list.size() < 100) {
        return out;
      }
    }
  }

  @Override
  public SecretKey actionsSecretKey(String owner, String name) {
    JsonNode k = ok(rest.send("GET", repoPath(owner, name) + "/actions/secrets/public-key", null), "GET secrets key");
    return new SecretKey(k.path("key_id").asText(), k.path("key").asText());
  }

  @Override
  public void putActionsSecret(String owner, String name, String secret, String sealedBase64, String keyId) {
    ok(rest.send("PUT", repoPath(owner, name) + "/actions/secrets/" + seg(secret),
        Map.of("encrypted_value", sealedBase64, "key_id", keyId)), "set secret " + secret);
  }

  @Override
  public void putActionsVariable(String owner, String name, String variable, String value) {
    // PATCH first: a re-run finds it; a new repository answers 404 and gets the POST
    if (!updateActionsVariable(owner, name, variable, value)) {
      createActionsVariable(owner, name, variable, value);
    }
  }

  /** Whether the variable existed (and now has {@code value}). */
  boolean updateActionsVariable(String owner, String name, String variable, String value) {
    return rest.send("PATCH", repoPath(owner, name) + "/actions/variables/" + seg(variable),
        Map.of("name", variable, "value", value)).status() != 404;
  }

  void createActionsVariable(String owner, String name, String variable, String value) {
    ok(rest.send("POST", repoPath(owner, name) + "/actions/variables", Map.of("name", variable, "value", value)),
        "create variable " + variable);
  }

  @Override
  public void putEnvironment(String owner, String name, String environment, Integer waitTimer,
      List<Map.Entry<String, Long>> reviewers) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (waitTimer != null) {
      body.put("wait_timer", waitTimer);
    }
    List<Object> list = new ArrayList<>();
    reviewers.forEach(r -> list.add(Map.of("type", r.getKey(), "id", r.getValue())));
    body.put("reviewers", list);
    ok(rest.send("PUT", repoPath(owner, name) + "/environments/" + seg(environment), body), "environment " + environment);
  }

  @Override
  public long userId(String login) {
    return ok(rest.send("GET", "/users/" + seg(login), null), "GET user " + login).path("id").asLong();
  }

  @Override
  public long teamId(String org, String slug) {
    return ok(rest.send("GET", "/orgs/" + seg(org) + "/teams/" + seg(slug), null), "GET team " + org + "/" + slug)
        .path("id").asLong();
  }

  /** GitHub's repository role ids for rulesets' bypass actors, and the organisation admin. */
  private static final Map<String, Long> ROLE_IDS = Map.of("maintain", 2L, "write", 4L, "admin", 5L, "org_admin", 1L);

  @Override
  public void putRuleset(String owner, String name, Long id, GitHubSettings.Ruleset r, Map<String, Long> teamIds) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", r.name());
    body.put("target", r.target());
    body.put("enforcement", r.enforcement());
    List<Object> bypass = new ArrayList<>();
    for (GitHubSettings.Actor a : r.bypass()) {
      Map<String, Object> actor = new LinkedHashMap<>();
      switch (a.type()) {
        case "team" -> {
          actor.put("actor_id", teamIds.get(a.name()));
          actor.put("actor_type", "Team");
        }
        case "app" -> {
          actor.put("actor_id", Long.parseLong(a.name()));
          actor.put("actor_type", "Integration");
        }
        default -> {
          actor.put("actor_id", ROLE_IDS.get(a.name()));
          actor.put("actor_type", a.name().equals("org_admin") ? "OrganizationAdmin" : "RepositoryRole");
        }
      }
      actor.put("bypass_mode", a.mode());
      bypass.add(actor);
    }
    body.put("bypass_actors", bypass);
    body.put("conditions", Map.of("ref_name", Map.of("include", r.include(), "exclude", r.exclude())));
    body.put("rules", rules(r.rules()));
    String route = repoPath(owner, name) + "/rulesets";
    ok(rest.send(id == null ? "POST" : "PUT", id == null ? route : route + "/" + id, body), "ruleset " + r.name());
  }

  private static List<Object> rules(GitHubSettings.Protection p) {
    List<Object> rules = new ArrayList<>();
    if (p.reviews() != null) {
      Map<String, Object> params = new LinkedHashMap<>();
      params.put("required_approving_review_count", p.reviews());
      params.put("dismiss_stale_reviews_on_push", p.dismissStaleReviews());
      params.put("require_code_owner_review", p.codeOwnerReviews());
      params.put("require_last_push_approval", p.lastPushApproval());
      params.put("required_review_thread_resolution", p.conversationResolution());
      rules.add(Map.of("type", "pull_request", "parameters", params));
    }
    if (!p.checks().isEmpty()) {
      List<Object> checks = new ArrayList<>();
      for (String c : p.checks()) {
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("context", c);
        if (p.checkApps().containsKey(c)) {
          check.put("integration_id", p.checkApps().get(c));
        }
        checks.add(check);
      }
      rules.add(Map.of("type", "required_status_checks", "parameters",
          Map.of("strict_required_status_checks_policy", p.strict(), "required_status_checks", checks)));
    }
    if (p.linearHistory()) {
      rules.add(Map.of("type", "required_linear_history"));
    }
    if (p.signatures()) {
      rules.add(Map.of("type", "required_signatures"));
    }
    if (!p.allowForcePushes()) {
      rules.add(Map.of("type", "non_fast_forward"));
    }
    if (!p.allowDeletions()) {
      rules.add(Map.of("type", "deletion"));
    }
    return rules;
  }

  @Override
  public Optional<String> findPullRequest(String owner, String name, String head, String base) {
    JsonNode list = ok(rest.send("GET", repoPath(owner, name) + "/pulls?state=all&head=" + q(owner + ":" + head)
        + "&base=" + q(base) + "&per_page=100", null), "GET pulls");
    for (JsonNode p : list) {
      if (p.path("head").path("ref").asText().equals(head) && p.path("base").path("ref").asText().equals(base)) {
        return Optional.of(p.path("html_url").asText());
      }
    }
    return Optional.empty();
  }

  @Override
  public String openPullRequest(String owner, String name, String head, String base, String title, String body) {
    Map<String, Object> req = new LinkedHashMap<>();
    req.put("title", title);
    req.put("head", head);
    req.put("base", base);
    req.put("body", body);
    return ok(rest.send("POST", repoPath(owner, name) + "/pulls", req), "open pull request").path("html_url").asText();
  }

  @Override
  public List<String> reposWithTopic(String org, String topic) {
    // the organisation's listing carries topics and, unlike search, is never behind
    List<String> out = tagged(org, topic, "/orgs/" + seg(org) + "/repos?type=all", true);
    if (out == null) {
      out = userReposWithTopic(org, topic); // not an organisation
    }
    out.sort(String.CASE_INSENSITIVE_ORDER);
    return out;
  }

  /** The token's own repositories with {@code topic}, private ones included. */
  List<String> userReposWithTopic(String login, String topic) {
    return tagged(login, topic, "/user/repos?affiliation=owner", false);
  }

  /**
   * The unarchived repositories of {@code owner} with {@code topic} on a listing; null when its
   * first page is a 404 and {@code nullOn404}, else a 404 fails.
   */
  private List<String> tagged(String owner, String topic, String route, boolean nullOn404) {
    List<String> out = new ArrayList<>();
    for (int page = 1; ; page++) {
      GitHubRest.Answer a = rest.send("GET", route + "&per_page=100&page=" + page, null);
      if (a.status() == 404 && page == 1 && nullOn404) {
        return null;
      }
      JsonNode list = ok(a, "GET repositories of " + owner);
      for (JsonNode r : list) {
        if (!r.path("owner").path("login").asText().equalsIgnoreCase(owner)) {
          continue;
        }
        boolean tagged = false;
        for (JsonNode t : r.path("topics")) {
          tagged |= t.asText().equalsIgnoreCase(topic);
        }
        if (tagged && !r.path("archived").asBoolean(false)) {
          out.add(r.path("full_name").asText());
        }
      }
      if (list.size() < 100) {
        return out;
      }
    }
  }

  @Override
  public List<PullRequest> openPullRequests(String owner, String name) {
    List<PullRequest> out = new ArrayList<>();
    for (int page = 1; ; page++) {
      JsonNode list = ok(rest.send("GET", repoPath(owner, name) + "/pulls?state=open&per_page=100&page=" + page, null),
          "GET pulls");
      for (JsonNode p : list) {
        JsonNode head = p.path("head");
        if (head.path("repo").path("full_name").asText().equalsIgnoreCase(owner + "/" + name)) {
          out.add(new PullRequest(p.path("number").asInt(), p.path("html_url").asText(), head.path("ref").asText(),
              head.path("sha").asText(), p.path("title").asText(""), p.path("body").asText("")));
        }
      }
      if (list.size() < 100) {
        return out;
      }
    }
  }

  @Override
  public Optional<CommitInfo> commit(String owner, String name, String sha) {
    GitHubRest.Answer a;
    try {
      a = rest.send("GET", repoPath(owner, name) + "/commits/" + seg(sha), null);
    } catch (RemoteFailure f) {
      if (f.status() == 422) {
        return Optional.empty(); // "No commit found for SHA"
      }
      throw f;
    }
    if (a.status() == 404) {
      return Optional.empty();
    }
    JsonNode c = a.body();
    return Optional.of(new CommitInfo(c.path("sha").asText(), c.path("commit").path("tree").path("sha").asText(),
        c.path("commit").path("message").asText("")));
  }

  @Override
  public void updatePullRequest(String owner, String name, int number, String title, String body) {
    Map<String, Object> req = new LinkedHashMap<>();
    req.put("title", title);
    req.put("body", body);
    ok(rest.send("PATCH", repoPath(owner, name) + "/pulls/" + number, req), "update pull request #" + number);
  }

  @Override
  public void closePullRequest(String owner, String name, int number) {
    ok(rest.send("PATCH", repoPath(owner, name) + "/pulls/" + number, Map.of("state", "closed")),
        "close pull request #" + number);
  }

  @Override
  public void comment(String owner, String name, int number, String text) {
    // pull requests are issues for comments on the conversation
    ok(rest.send("POST", repoPath(owner, name) + "/issues/" + number + "/comments", Map.of("body", text)),
        "comment on #" + number);
  }

  private static JsonNode ok(GitHubRest.Answer a, String what) {
    if (a.status() == 404) {
      throw RemoteFailure.permanent(what + " answered 404 Not Found: " + GitHubRest.describe(a.body())
          + " (does it exist, and may the token see it?)", 404);
    }
    return a.body();
  }

  private static HostedRepo repo(JsonNode r) {
    Map<String, Boolean> flags = new LinkedHashMap<>();
    for (String f : GitHubSettings.FLAGS) {
      if (r.has(f) && r.get(f).isBoolean()) {
        flags.put(f, r.get(f).asBoolean());
      }
    }
    if (r.path("archived").isBoolean()) {
      flags.put("archived", r.get("archived").asBoolean());
    }
    if (r.path("permissions").path("admin").isBoolean()) {
      flags.put("admin", r.path("permissions").path("admin").asBoolean());
    }
    String visibility = r.hasNonNull("visibility") ? r.get("visibility").asText()
        : r.path("private").asBoolean() ? "private" : "public";
    return new HostedRepo(r.path("owner").path("login").asText(), r.path("name").asText(), r.path("html_url").asText(),
        r.path("clone_url").asText(), r.path("default_branch").asText(), visibility,
        r.hasNonNull("description") ? r.get("description").asText() : null,
        r.hasNonNull("homepage") ? r.get("homepage").asText() : null, flags, instant(r.path("created_at")));
  }

  private static java.time.Instant instant(JsonNode time) {
    try {
      return time.isTextual() ? java.time.Instant.parse(time.asText()) : null;
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }
}
