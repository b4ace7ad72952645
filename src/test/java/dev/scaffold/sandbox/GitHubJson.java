package dev.scaffold.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scaffold.sandbox.SandboxState.Account;
import dev.scaffold.sandbox.SandboxState.Pull;
import dev.scaffold.sandbox.SandboxState.Repo;
import dev.scaffold.sandbox.SandboxState.Team;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** Renders sandbox state in the JSON shapes of GitHub's REST API description. */
final class GitHubJson {

  static final ObjectMapper MAPPER = new ObjectMapper();
  static final String DOCS = "https://docs.github.com/rest";

  private final String base;
  private final String host;

  GitHubJson(String base) {
    this.base = base;
    URI u = URI.create(base);
    this.host = u.getHost() + ":" + u.getPort();
  }

  String base() {
    return base;
  }

  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }

  static String nodeId(String kind, long id) {
    return kind + "_" + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(("sandbox:" + id).getBytes(StandardCharsets.UTF_8));
  }

  static String time(Instant t) {
    return t == null ? null : t.toString();
  }

  static ObjectNode error(String message, String documentationUrl, int status) {
    ObjectNode e = object();
    e.put("message", message);
    e.put("documentation_url", documentationUrl == null ? DOCS : documentationUrl);
    e.put("status", String.valueOf(status));
    return e;
  }

  ObjectNode user(Account a) {
    ObjectNode u = object();
    String api = base + "/users/" + a.login;
    u.put("login", a.login);
    u.put("id", a.id);
    u.put("node_id", nodeId(a.organization ? "O" : "U", a.id));
    u.put("avatar_url", base + "/avatars/" + a.login);
    u.put("gravatar_id", "");
    u.put("url", api);
    u.put("html_url", base + "/" + a.login);
    u.put("followers_url", api + "/followers");
    u.put("following_url", api + "/following{/other_user}");
    u.put("gists_url", api + "/gists{/gist_id}");
    u.put("starred_url", api + "/starred{/owner}{/repo}");
    u.put("subscriptions_url", api + "/subscriptions");
    u.put("organizations_url", api + "/orgs");
    u.put("repos_url", api + "/repos");
    u.put("events_url", api + "/events{/privacy}");
    u.put("received_events_url", api + "/received_events");
    u.put("type", a.type());
    u.put("user_view_type", "public");
    u.put("site_admin", false);
    return u;
  }

  /** {@code public-user} (or {@code private-user} when {@code self}). */
  ObjectNode fullUser(Account a, boolean self, int publicRepos) {
    ObjectNode u = user(a);
    u.put("name", a.login);
    u.putNull("company");
    u.put("blog", "");
    u.putNull("location");
    u.putNull("email");
    u.putNull("hireable");
    u.putNull("bio");
    u.putNull("twitter_username");
    u.put("public_repos", publicRepos);
    u.put("public_gists", 0);
    u.put("followers", 0);
    u.put("following", 0);
    u.put("created_at", time(a.createdAt));
    u.put("updated_at", time(a.createdAt));
    if (self) {
      u.put("private_gists", 0);
      u.put("total_private_repos", 0);
      u.put("owned_private_repos", 0);
      u.put("disk_usage", 0);
      u.put("collaborators", 0);
      u.put("two_factor_authentication", true);
      u.set("plan", plan(a));
    }
    return u;
  }

  ObjectNode organization(Account o, int publicRepos) {
    ObjectNode g = object();
    String api = base + "/orgs/" + o.login;
    g.put("login", o.login);
    g.put("id", o.id);
    g.put("node_id", nodeId("O", o.id));
    g.put("url", api);
    g.put("repos_url", api + "/repos");
    g.put("events_url", api + "/events");
    g.put("hooks_url", api + "/hooks");
    g.put("issues_url", api + "/issues");
    g.put("members_url", api + "/members{/member}");
    g.put("public_members_url", api + "/public_members{/member}");
    g.put("avatar_url", base + "/avatars/" + o.login);
    g.putNull("description");
    g.put("name", o.login);
    g.put("html_url", base + "/" + o.login);
    g.put("has_organization_projects", true);
    g.put("has_repository_projects", true);
    g.put("public_repos", publicRepos);
    g.put("public_gists", 0);
    g.put("followers", 0);
    g.put("following", 0);
    g.put("type", "Organization");
    g.put("default_repository_branch", o.defaultBranch);
    g.put("members_can_create_repositories", o.membersCanCreateRepositories);
    if (o.planShown) {
      g.set("plan", plan(o));
    }
    g.put("created_at", time(o.createdAt));
    g.put("updated_at", time(o.createdAt));
    g.putNull("archived_at");
    return g;
  }

  /** The {@code plan} object GitHub shows an account's owner. */
  static ObjectNode plan(Account a) {
    ObjectNode p = object();
    p.put("name", a.plan);
    p.put("space", 976562499);
    p.put("private_repos", a.plan.equals("free") ? 10000 : 999999);
    if (a.organization) {
      p.put("filled_seats", 1);
      p.put("seats", 5);
    } else {
      p.put("collaborators", 0);
    }
    return p;
  }

  ObjectNode team(Team t, String permission) {
    ObjectNode n = object();
    String api = base + "/organizations/" + t.org.id + "/team/" + t.id;
    n.put("id", t.id);
    n.put("node_id", nodeId("T", t.id));
    n.put("url", api);
    n.put("html_url", base + "/orgs/" + t.org.login + "/teams/" + t.slug);
    n.put("name", t.name);
    n.put("slug", t.slug);
    n.putNull("description");
    n.put("privacy", "closed");
    n.put("notification_setting", "notifications_enabled");
    n.put("permission", permission == null ? "pull" : permission);
    n.put("members_url", api + "/members{/member}");
    n.put("repositories_url", api + "/repos");
    n.put("type", "organization");
    n.put("organization_id", t.org.id);
    n.putNull("parent");
    if (permission != null) n.set("permissions", permissionFlags(permission));
    return n;
  }

  /** {pull, triage, push, maintain, admin} flags for one of GitHub's five repository roles. */
  static ObjectNode permissionFlags(String permission) {
    int level = level(permission);
    ObjectNode p = object();
    p.put("admin", level >= 5);
    p.put("maintain", level >= 4);
    p.put("push", level >= 3);
    p.put("triage", level >= 2);
    p.put("pull", level >= 1);
    return p;
  }

  static int level(String permission) {
    return switch (permission == null ? "" : permission) {
      case "admin" -> 5;
      case "maintain" -> 4;
      case "push", "write" -> 3;
      case "triage" -> 2;
      case "pull", "read" -> 1;
      default -> 0;
    };
  }

  /** The role name GitHub reports for a permission: pull → read, push → write. */
  static String roleName(String permission) {
    return switch (permission) {
      case "pull" -> "read";
      case "push" -> "write";
      default -> permission;
    };
  }

  String repoApi(Repo r) {
    return base + "/repos/" + r.fullName();
  }

  /** Where {@code clone_url}s point: this sandbox, or elsewhere to play a hostile or broken API. */
  volatile String cloneBase;

  String cloneUrl(Repo r) {
    return (cloneBase == null ? base : cloneBase) + "/git/" + r.fullName() + ".git";
  }

  /** {@code full-repository}; {@code permission} is the caller's role on it. */
  ObjectNode repository(Repo r, String permission) {
    ObjectNode n = object();
    String api = repoApi(r);
    n.put("id", r.id);
    n.put("node_id", nodeId("R", r.id));
    n.put("name", r.name);
    n.put("full_name", r.fullName());
    n.set("owner", user(r.owner));
    n.put("private", r.isPrivate());
    n.put("visibility", r.visibility);
    n.put("html_url", base + "/" + r.fullName());
    n.put("description", r.description);
    n.put("fork", false);
    n.put("url", api);
    for (String[] link : LINKS) n.put(link[0] + "_url", api + link[1]);
    n.put("git_url", "git://" + host + "/" + r.fullName() + ".git");
    n.put("ssh_url", "git@" + URI.create(base).getHost() + ":" + r.fullName() + ".git");
    n.put("clone_url", cloneUrl(r));
    n.put("svn_url", base + "/" + r.fullName());
    n.putNull("mirror_url");
    n.put("homepage", r.homepage);
    n.putNull("language");
    n.put("forks_count", 0);
    n.put("forks", 0);
    n.put("stargazers_count", 0);
    n.put("watchers_count", 0);
    n.put("watchers", 0);
    n.put("size", 0);
    n.put("default_branch", r.defaultBranch);
    long open = r.pulls.stream().filter(p -> p.state.equals("open")).count();
    n.put("open_issues_count", open);
    n.put("open_issues", open);
    ArrayNode topics = n.putArray("topics");
    r.topics.forEach(topics::add);
    for (Map.Entry<String, Object> s : r.settings.entrySet()) {
      n.set(s.getKey(), MAPPER.valueToTree(s.getValue()));
    }
    n.putNull("license");
    n.put("pushed_at", time(r.pushedAt));
    n.put("created_at", time(r.createdAt));
    n.put("updated_at", time(r.updatedAt));
    n.set("permissions", permissionFlags(permission));
    n.put("network_count", 0);
    n.put("subscribers_count", 0);
    n.putNull("temp_clone_token");
    if (r.owner.organization) n.set("organization", user(r.owner));
    return n;
  }

  private static final String[][] LINKS = {
    {"archive", "/{archive_format}{/ref}"}, {"assignees", "/assignees{/user}"},
    {"blobs", "/git/blobs{/sha}"}, {"branches", "/branches{/branch}"},
    {"collaborators", "/collaborators{/collaborator}"}, {"comments", "/comments{/number}"},
    {"commits", "/commits{/sha}"}, {"compare", "/compare/{base}...{head}"},
    {"contents", "/contents/{+path}"}, {"contributors", "/contributors"},
    {"deployments", "/deployments"}, {"downloads", "/downloads"}, {"events", "/events"},
    {"forks", "/forks"}, {"git_commits", "/git/commits{/sha}"}, {"git_refs", "/git/refs{/sha}"},
    {"git_tags", "/git/tags{/sha}"}, {"hooks", "/hooks"}, {"issue_comment", "/issues/comments{/number}"},
    {"issue_events", "/issues/events{/number}"}, {"issues", "/issues{/number}"}, {"keys", "/keys{/key_id}"},
    {"labels", "/labels{/name}"}, {"languages", "/languages"}, {"merges", "/merges"},
    {"milestones", "/milestones{/number}"}, {"notifications", "/notifications{?since,all,participating}"},
    {"pulls", "/pulls{/number}"}, {"releases", "/releases{/id}"}, {"stargazers", "/stargazers"},
    {"statuses", "/statuses/{sha}"}, {"subscribers", "/subscribers"}, {"subscription", "/subscription"},
    {"tags", "/tags"}, {"teams", "/teams"}, {"trees", "/git/trees{/sha}"},
  };

  private static ObjectNode gitActor(PersonIdent p) {
    ObjectNode a = object();
    a.put("name", p.getName());
    a.put("email", p.getEmailAddress());
    a.put("date", time(p.getWhenAsInstant()));
    return a;
  }

  /** {@code commit} (the shape of GET .../commits/{ref} and of a branch's commit). */
  ObjectNode commit(Repo r, RevCommit c) {
    String api = repoApi(r);
    String sha = c.name();
    ObjectNode n = object();
    n.put("url", api + "/commits/" + sha);
    n.put("sha", sha);
    n.put("node_id", nodeId("C", c.getCommitTime()));
    n.put("html_url", base + "/" + r.fullName() + "/commit/" + sha);
    n.put("comments_url", api + "/commits/" + sha + "/comments");
    ObjectNode inner = n.putObject("commit");
    inner.put("url", api + "/git/commits/" + sha);
    inner.set("author", gitActor(c.getAuthorIdent()));
    inner.set("committer", gitActor(c.getCommitterIdent()));
    inner.put("message", c.getFullMessage());
    inner.put("comment_count", 0);
    ObjectNode tree = inner.putObject("tree");
    tree.put("sha", c.getTree().name());
    tree.put("url", api + "/git/trees/" + c.getTree().name());
    ObjectNode verification = inner.putObject("verification");
    verification.put("verified", false);
    verification.put("reason", "unsigned");
    verification.putNull("payload");
    verification.putNull("signature");
    verification.putNull("verified_at");
    n.putNull("author");
    n.putNull("committer");
    ArrayNode parents = n.putArray("parents");
    for (RevCommit p : c.getParents()) {
      ObjectNode pn = parents.addObject();
      pn.put("sha", p.name());
      pn.put("url", api + "/commits/" + p.name());
      pn.put("html_url", base + "/" + r.fullName() + "/commit/" + p.name());
    }
    return n;
  }

  String protectionUrl(Repo r, String branch) {
    return repoApi(r) + "/branches/" + branch + "/protection";
  }

  /** {@code short-branch}, as in the branch list. */
  ObjectNode shortBranch(Repo r, String branch, ObjectId sha) {
    ObjectNode n = object();
    n.put("name", branch);
    ObjectNode c = n.putObject("commit");
    c.put("sha", sha.name());
    c.put("url", repoApi(r) + "/commits/" + sha.name());
    n.put("protected", r.protections.containsKey(branch));
    n.set("protection", branchProtectionSummary(r, branch));
    n.put("protection_url", protectionUrl(r, branch));
    return n;
  }

  /** {@code branch-with-protection}, as in GET .../branches/{branch}. */
  ObjectNode branch(Repo r, String branch, RevCommit head) {
    ObjectNode n = object();
    n.put("name", branch);
    n.set("commit", commit(r, head));
    ObjectNode links = n.putObject("_links");
    links.put("self", repoApi(r) + "/branches/" + branch);
    links.put("html", base + "/" + r.fullName() + "/tree/" + branch);
    n.put("protected", r.protections.containsKey(branch));
    n.set("protection", branchProtectionSummary(r, branch));
    n.put("protection_url", protectionUrl(r, branch));
    return n;
  }

  private ObjectNode branchProtectionSummary(Repo r, String branch) {
    ObjectNode rule = r.protections.get(branch);
    ObjectNode p = object();
    p.put("enabled", rule != null);
    ObjectNode checks = p.putObject("required_status_checks");
    JsonNode configured = rule == null ? null : rule.get("required_status_checks");
    checks.put("enforcement_level", configured == null ? "off" : "non_admins");
    checks.set("contexts", configured == null ? array() : configured.get("contexts").deepCopy());
    checks.set("checks", configured == null ? array() : configured.get("checks").deepCopy());
    return p;
  }

  ObjectNode gitRef(Repo r, String fullRef, ObjectId sha) {
    ObjectNode n = object();
    n.put("ref", fullRef);
    n.put("node_id", nodeId("REF", fullRef.hashCode()));
    n.put("url", repoApi(r) + "/git/" + fullRef);
    ObjectNode o = n.putObject("object");
    o.put("type", "commit");
    o.put("sha", sha.name());
    o.put("url", repoApi(r) + "/git/commits/" + sha.name());
    return n;
  }

  private ObjectNode pullEnd(Repo r, Account owner, String branch, String sha) {
    ObjectNode n = object();
    n.put("label", owner.login + ":" + branch);
    n.put("ref", branch);
    n.put("sha", sha);
    n.set("user", user(owner));
    n.set("repo", repository(r, "admin"));
    return n;
  }

  /** {@code pull-request}; head and base sha are the branches' current heads. */
  ObjectNode pull(Repo r, Pull p) {
    String api = repoApi(r);
    String url = api + "/pulls/" + p.number;
    String html = base + "/" + r.fullName() + "/pull/" + p.number;
    String issue = api + "/issues/" + p.number;
    String headSha = r.branchHead(p.head).map(ObjectId::name).orElse(ObjectId.zeroId().name());
    String baseSha = r.branchHead(p.base).map(ObjectId::name).orElse(ObjectId.zeroId().name());
    ObjectNode n = object();
    n.put("url", url);
    n.put("id", p.id);
    n.put("node_id", nodeId("PR", p.id));
    n.put("html_url", html);
    n.put("diff_url", html + ".diff");
    n.put("patch_url", html + ".patch");
    n.put("issue_url", issue);
    n.put("commits_url", url + "/commits");
    n.put("review_comments_url", url + "/comments");
    n.put("review_comment_url", api + "/pulls/comments{/number}");
    n.put("comments_url", issue + "/comments");
    n.put("statuses_url", api + "/statuses/" + headSha);
    n.put("number", p.number);
    n.put("state", p.state);
    n.put("locked", false);
    n.put("title", p.title);
    n.set("user", user(p.user));
    n.put("body", p.body);
    n.putArray("labels");
    n.putNull("milestone");
    n.putNull("active_lock_reason");
    n.put("created_at", time(p.createdAt));
    n.put("updated_at", time(p.updatedAt));
    n.put("closed_at", time(p.closedAt));
    n.putNull("merged_at");
    n.putNull("merge_commit_sha");
    n.putNull("assignee");
    n.putArray("assignees");
    n.putArray("requested_reviewers");
    n.putArray("requested_teams");
    n.set("head", pullEnd(r, r.owner, p.head, headSha));
    n.set("base", pullEnd(r, r.owner, p.base, baseSha));
    ObjectNode links = n.putObject("_links");
    links.putObject("self").put("href", url);
    links.putObject("html").put("href", html);
    links.putObject("issue").put("href", issue);
    links.putObject("comments").put("href", issue + "/comments");
    links.putObject("review_comments").put("href", url + "/comments");
    links.putObject("review_comment").put("href", api + "/pulls/comments{/number}");
    links.putObject("commits").put("href", url + "/commits");
    links.putObject("statuses").put("href", api + "/statuses/" + headSha);
    n.put("author_association", "OWNER");
    n.putNull("auto_merge");
    n.put("draft", p.draft);
    n.put("merged", false);
    n.putNull("mergeable");
    n.put("rebaseable", true);
    n.put("mergeable_state", "unknown");
    n.putNull("merged_by");
    n.put("comments", p.comments.size());
    n.put("review_comments", 0);
    n.put("maintainer_can_modify", p.maintainerCanModify);
    n.put("commits", 1);
    n.put("additions", 0);
    n.put("deletions", 0);
    n.put("changed_files", 0);
    return n;
  }
}
