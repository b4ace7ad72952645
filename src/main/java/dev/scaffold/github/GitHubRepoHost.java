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
      return Optional.of(new Owner(org.body().path("login").asText(owner), true, planName(org.body()), scopes(org)));
    }
    GitHubRest.Answer me = rest.send("GET", "/user", null);
    login = me.body().path("login").asText();
    return login.equalsIgnoreCase(owner)
        ? Optional.of(new Owner(login, false, planName(me.body()), scopes(me))) : Optional.empty();
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
    return Optional.of(new GitHubSettings.Protection(
        reviews.isObject() ? reviews.path("required_approving_review_count").asInt(0) : null,
        reviews.path("require_code_owner_reviews").asBoolean(false),
        reviews.path("dismiss_stale_reviews").asBoolean(false),
        List.copyOf(contexts),
        checks.path("strict").asBoolean(false),
        p.path("enforce_admins").path("enabled").asBoolean(false),
        p.path("required_linear_history").path("enabled").asBoolean(false)));
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
      checks.put("contexts", rule.checks());
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
      body.put("required_pull_request_reviews", reviews);
    }
    body.put("restrictions", null);
    body.put("required_linear_history", rule.linearHistory());
    ok(rest.send("PUT", repoPath(owner, name) + "/branches/" + branchPath(branch) + "/protection", body), "protect " + branch);
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
    List<String> out = new ArrayList<>();
    String route = "/orgs/" + seg(org) + "/repos?type=all";
    for (int page = 1; ; page++) {
      GitHubRest.Answer a = rest.send("GET", route + "&per_page=100&page=" + page, null);
      if (a.status() == 404 && page == 1 && route.startsWith("/orgs/")) {
        // not an organisation: the token's own repositories, private ones included
        route = "/user/repos?affiliation=owner";
        page = 0;
        continue;
      }
      JsonNode list = ok(a, "GET repositories of " + org);
      for (JsonNode r : list) {
        if (!r.path("owner").path("login").asText().equalsIgnoreCase(org)) {
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
        break;
      }
    }
    out.sort(String.CASE_INSENSITIVE_ORDER);
    return out;
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
        r.hasNonNull("homepage") ? r.get("homepage").asText() : null, flags);
  }
}
