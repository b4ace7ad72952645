package dev.scaffold.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kohsuke.github.GHBranchProtection;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHOrganization;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.HttpException;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

class GitHubSandboxTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "ghp_sandboxtoken";

  @TempDir Path tmp;
  GitHubSandbox sandbox;
  GitHub gh;

  @BeforeEach
  void start() throws IOException {
    sandbox = GitHubSandbox.builder()
        .token(TOKEN, "octo")
        .org("acme", "devs", "ops")
        .user("alice")
        .user("bob")
        .member("acme", "bob")
        .start();
    gh = new GitHubBuilder().withEndpoint(sandbox.baseUrl()).withOAuthToken(TOKEN, "octo").build();
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private GHRepository orgRepoWithBranches() throws Exception {
    GHRepository repo = gh.getOrganization("acme").createRepository("demo").private_(true)
        .description("A demo").homepage("https://example.com").allowRebaseMerge(false)
        .deleteBranchOnMerge(true).create();
    try (GitWork work = GitWork.init(tmp.resolve("work"), "main")) {
      work.commit("Base commit", Map.of("README.md", "# demo\n"));
      assertEquals(RemoteRefUpdate.Status.OK, work.push(repo.getHttpTransportUrl(), TOKEN, "main"));
      work.git.checkout().setCreateBranch(true).setName("scaffold/initial").call();
      work.commit("Full project", Map.of("src/App.java", "class App {}\n", "README.md", "# demo\nmore\n"));
      assertEquals(RemoteRefUpdate.Status.OK, work.push(repo.getHttpTransportUrl(), TOKEN, "scaffold/initial"));
    }
    return repo;
  }

  @Test
  void hub4jProvisioningFlowLeavesTheExpectedState() throws Exception {
    GHRepository repo = orgRepoWithBranches();
    repo.setTopics(List.of("java", "cli"));

    // hub4j 1.330 has no method for the documented team route: send it through a connector
    String teamUrl = sandbox.baseUrl() + "/orgs/acme/teams/devs/repos/acme/demo";
    assertEquals(204, viaConnector("PUT", teamUrl, "{\"permission\":\"maintain\"}", "application/vnd.github+json"));
    assertEquals(204, viaConnector("GET", teamUrl, null, "application/vnd.github+json"));
    assertEquals(200, viaConnector("GET", teamUrl, null, "application/vnd.github.v3.repository+json"));
    assertEquals(404, viaConnector("GET", sandbox.baseUrl() + "/orgs/acme/teams/ops/repos/acme/demo", null,
        "application/vnd.github+json"));

    repo.addCollaborators(GHOrganization.RepositoryRole.from(GHOrganization.Permission.PUSH), gh.getUser("alice"));
    repo.addCollaborators(GHOrganization.RepositoryRole.from(GHOrganization.Permission.ADMIN), gh.getUser("bob"));

    GHBranchProtection protection = repo.getBranch("main").enableProtection()
        .requiredReviewers(2).requireCodeOwnReviews().dismissStaleReviews().requiredLinearHistory().enable();
    assertEquals(2, protection.getRequiredReviews().getRequiredReviewers());

    GHPullRequest pr = repo.createPullRequest("Initial project", "scaffold/initial", "main", "Generated.");
    assertEquals(1, pr.getNumber());
    assertEquals("open", pr.getState().name().toLowerCase());
    List<GHPullRequest> found = repo.queryPullRequests().head("acme:scaffold/initial").base("main")
        .state(GHIssueState.OPEN).list().toList();
    assertEquals(1, found.size());
    assertEquals("scaffold/initial", found.get(0).getHead().getRef());
    assertEquals(0, repo.queryPullRequests().head("acme:other").state(GHIssueState.OPEN).list().toList().size());
    HttpException dup = assertThrows(HttpException.class,
        () -> repo.createPullRequest("Again", "scaffold/initial", "main", "x"));
    assertEquals(422, dup.getResponseCode());
    assertTrue(dup.getMessage().contains("A pull request already exists for acme:scaffold/initial."), dup.getMessage());
    pr.setBody("Edited body");

    RepoSnapshot s = sandbox.repo("acme/demo").orElseThrow();
    assertTrue(s.isPrivate());
    assertEquals("private", s.visibility());
    assertEquals("A demo", s.description());
    assertEquals("https://example.com", s.homepage());
    assertEquals(false, s.settings().get("allow_rebase_merge"));
    assertEquals(true, s.settings().get("delete_branch_on_merge"));
    assertEquals(List.of("java", "cli"), s.topics());
    assertEquals(Map.of("devs", "maintain"), s.teams());
    assertEquals(Map.of("bob", "admin"), s.collaborators());
    assertEquals(Map.of("alice", "push"), s.invitations());
    JsonNode rule = s.protections().get("main");
    assertEquals(2, rule.path("required_pull_request_reviews").path("required_approving_review_count").asInt());
    assertTrue(rule.path("required_pull_request_reviews").path("require_code_owner_reviews").asBoolean());
    assertTrue(rule.path("required_linear_history").path("enabled").asBoolean());
    assertEquals(List.of(new PullSnapshot(1, "acme", "scaffold/initial", "main", "Initial project", "Edited body",
        "open", false, List.of())), s.pulls());
    assertTrue(s.createdByApi());
    assertEquals(0, sandbox.legacyTeamGrants());

    try (Repository bare = new FileRepositoryBuilder().setGitDir(s.gitDir().toFile()).build();
        RevWalk walk = new RevWalk(bare)) {
      RevCommit head = walk.parseCommit(bare.resolve("refs/heads/scaffold/initial"));
      assertEquals("Full project", head.getShortMessage());
      assertEquals("Base commit", walk.parseCommit(head.getParent(0)).getShortMessage());
      assertEquals(Map.of("README.md", "# demo\nmore\n", "src/App.java", "class App {}\n"),
          GitWork.files(bare, head));
      assertEquals("refs/heads/main", bare.exactRef(Constants.HEAD).getTarget().getName());
    }
  }

  @Test
  void legacyTeamRouteOfHub4jWorksButIsRecorded() throws Exception {
    GHRepository repo = gh.getOrganization("acme").createRepository("legacy").create();
    gh.getOrganization("acme").getTeamBySlug("ops").add(repo, GHOrganization.RepositoryRole.from(
        GHOrganization.Permission.PULL));
    assertEquals(1, sandbox.legacyTeamGrants());
    assertEquals(Map.of("ops", "pull"), sandbox.repo("acme/legacy").orElseThrow().teams());
    assertEquals(1, sandbox.count("PUT", "^/organizations/\\d+/team/\\d+/repos/acme/legacy$"));
  }

  @Test
  void branchesRefsAndCommitsComeFromTheBareRepository() throws Exception {
    GHRepository repo = orgRepoWithBranches();
    String mainSha = repo.getBranch("main").getSHA1();
    assertEquals(mainSha, sandbox.repo("acme/demo").map(r -> sha(r, "main")).orElseThrow());
    JsonNode ref = JSON.readTree(RawHttp.get(sandbox.baseUrl() + "/repos/acme/demo/git/ref/heads/main", TOKEN).body());
    assertEquals("refs/heads/main", ref.path("ref").asText());
    assertEquals(mainSha, ref.path("object").path("sha").asText());
    assertEquals(List.of("main", "scaffold/initial"),
        repo.getBranches().keySet().stream().sorted().toList());
    JsonNode branch = JSON.readTree(RawHttp.get(sandbox.baseUrl() + "/repos/acme/demo/branches/scaffold/initial",
        TOKEN).body());
    assertEquals("Full project", branch.path("commit").path("commit").path("message").asText().trim());
    HttpResponse<String> missing = RawHttp.get(sandbox.baseUrl() + "/repos/acme/demo/branches/nope", TOKEN);
    assertEquals(404, missing.statusCode());
    assertEquals("Branch not found", JSON.readTree(missing.body()).path("message").asText());
    assertThrows(GHFileNotFoundException.class, () -> repo.getBranch("nope"));
    assertEquals(sandbox.repo("acme/demo").map(r -> sha(r, "scaffold/initial")).orElseThrow(),
        repo.getBranch("scaffold/initial").getSHA1(), "branch names with a slash");
    assertEquals(mainSha, repo.getRef("heads/main").getObject().getSha());
    assertEquals(1, sandbox.count("GET", "/git/refs/heads/main$"), "hub4j's getRef uses the undocumented refs/ route");
  }

  private static String sha(RepoSnapshot r, String branch) {
    try (Repository bare = new FileRepositoryBuilder().setGitDir(r.gitDir().toFile()).build()) {
      return bare.resolve("refs/heads/" + branch).name();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void pushThenCloneGivesTheSameTreesAndBadTokensAreRefused() throws Exception {
    RepoSnapshot created = sandbox.createRepo("octo/roundtrip", "main", false);
    String url = sandbox.cloneUrl("octo/roundtrip");
    try (GitWork work = GitWork.init(tmp.resolve("push"), "main")) {
      RevCommit c = work.commit("First", Map.of("a.txt", "A\n", "dir/b.txt", "B\n"));
      TransportException refused = assertThrows(TransportException.class,
          () -> work.push(url, "wrong-token", "main"));
      assertTrue(refused.getMessage().contains("not authorized") || refused.getMessage().contains("401"),
          refused.getMessage());
      assertEquals(RemoteRefUpdate.Status.OK, work.push(url, TOKEN, "main"));
      try (Git clone = Git.cloneRepository().setURI(url).setDirectory(tmp.resolve("clone").toFile())
          .setCredentialsProvider(new UsernamePasswordCredentialsProvider("x-access-token", TOKEN)).call()) {
        Repository r = clone.getRepository();
        assertEquals(c.getId(), r.resolve("HEAD"));
        assertEquals(GitWork.files(work.git.getRepository(), c.getId()), GitWork.files(r, r.resolve("HEAD")));
      }
      assertThrows(TransportException.class, () -> Git.cloneRepository().setURI(url)
          .setDirectory(tmp.resolve("clone2").toFile())
          .setCredentialsProvider(new UsernamePasswordCredentialsProvider("x-access-token", "nope")).call().close());
    }
    assertFalse(created.createdByApi());
    assertTrue(sandbox.requests().stream().anyMatch(r -> r.path().endsWith("/git-receive-pack") && r.status() == 200));
    assertTrue(sandbox.requests().stream().anyMatch(r -> r.path().startsWith("/git/") && r.status() == 401));
  }

  @Test
  void aClassicTokenWithoutTheWorkflowScopeCannotPushWorkflowFiles() throws Exception {
    sandbox.createRepo("octo/flows", "main", false);
    String url = sandbox.cloneUrl("octo/flows");
    sandbox.scopes(TOKEN, "repo");
    try (GitWork work = GitWork.init(tmp.resolve("flows"), "main")) {
      work.commit("Code", Map.of("a.txt", "A\n"));
      assertEquals(RemoteRefUpdate.Status.OK, work.push(url, TOKEN, "main"), "no workflow file: no scope needed");
      work.commit("CI", Map.of(".github/workflows/ci.yml", "on: push\n"));
      assertEquals(RemoteRefUpdate.Status.REJECTED_OTHER_REASON, work.push(url, TOKEN, "main:ci"));
      assertEquals(RemoteRefUpdate.Status.REJECTED_OTHER_REASON, work.push(url, TOKEN, "main"));
      sandbox.scopes(TOKEN, "repo", "workflow");
      assertEquals(RemoteRefUpdate.Status.OK, work.push(url, TOKEN, "main"));
      sandbox.scopes(TOKEN, "repo");
      assertEquals(RemoteRefUpdate.Status.OK, work.push(url, TOKEN, "main:copy"), "the workflow is not new to it");
    }
    try (Repository bare = new org.eclipse.jgit.storage.file.FileRepositoryBuilder()
        .setGitDir(sandbox.gitDir("octo/flows").toFile()).build()) {
      assertEquals(null, bare.exactRef("refs/heads/ci"));
    }
  }

  @Test
  void anOrganisationMayLetOnlyItsOwnersCreateRepositories() throws Exception {
    sandbox.membersCanCreateRepositories("acme", false);
    assertEquals(false, JSON.readTree(RawHttp.send("GET", sandbox.baseUrl() + "/orgs/acme", TOKEN, null).body())
        .path("members_can_create_repositories").asBoolean());
    assertEquals(404, RawHttp.send("GET", sandbox.baseUrl() + "/user/memberships/orgs/acme", TOKEN, null).statusCode());
    var refused = RawHttp.send("POST", sandbox.baseUrl() + "/orgs/acme/repos", TOKEN, "{\"name\":\"x\"}");
    assertEquals(403, refused.statusCode());
    assertTrue(refused.body().contains("You need admin access to the organization"), refused.body());
    sandbox.orgAdmin("acme", "octo");
    JsonNode membership = JSON.readTree(RawHttp.send("GET", sandbox.baseUrl() + "/user/memberships/orgs/acme", TOKEN,
        null).body());
    assertEquals("admin", membership.path("role").asText());
    assertEquals(201, RawHttp.send("POST", sandbox.baseUrl() + "/orgs/acme/repos", TOKEN, "{\"name\":\"x\"}")
        .statusCode());
    assertEquals(422, RawHttp.send("POST", sandbox.baseUrl() + "/orgs/acme/repos", TOKEN, "{\"name\":\"x\"}")
        .statusCode(), "the name exists now");
  }

  @Test
  void protectedBranchRefusesForcePushAndDeletion() throws Exception {
    orgRepoWithBranches();
    String url = sandbox.cloneUrl("acme/demo");
    String body = "{\"required_status_checks\":{\"strict\":true,\"contexts\":[\"ci\"]},\"enforce_admins\":false,"
        + "\"required_pull_request_reviews\":null,\"restrictions\":null}";
    assertEquals(200, RawHttp.send("PUT", sandbox.baseUrl() + "/repos/acme/demo/branches/main/protection", TOKEN,
        body).statusCode());
    try (Git clone = Git.cloneRepository().setURI(url).setDirectory(tmp.resolve("c").toFile())
        .setCredentialsProvider(new UsernamePasswordCredentialsProvider("x", TOKEN)).call()) {
      GitWork work = GitWork.open(clone, tmp.resolve("c"));
      clone.commit().setAmend(true).setMessage("Rewritten").setAuthor(GitWork.AUTHOR).setCommitter(GitWork.AUTHOR)
          .setSign(false).call();
      assertEquals(RemoteRefUpdate.Status.REJECTED_OTHER_REASON, work.push(url, TOKEN, "+main:main"));
      assertEquals(RemoteRefUpdate.Status.REJECTED_OTHER_REASON, work.push(url, TOKEN, ":main"));
      // the unprotected branch still takes a force push
      assertEquals(RemoteRefUpdate.Status.OK, work.push(url, TOKEN, "+main:scaffold/initial"));
      work.commit("On top", Map.of("c.txt", "C\n"));
      assertEquals(RemoteRefUpdate.Status.OK, work.push(url, TOKEN, "+main:scaffold/initial"));
    }
    assertEquals("Base commit", commitMessage(sandbox.gitDir("acme/demo"), "main"));
    assertEquals("On top", commitMessage(sandbox.gitDir("acme/demo"), "scaffold/initial"));
  }

  private static String commitMessage(Path gitDir, String branch) throws IOException {
    try (Repository bare = new FileRepositoryBuilder().setGitDir(gitDir.toFile()).build();
        RevWalk walk = new RevWalk(bare)) {
      return walk.parseCommit(bare.resolve("refs/heads/" + branch)).getShortMessage();
    }
  }

  /** A request sent through hub4j's own connector, as a provisioning client can for routes hub4j lacks. */
  private static int viaConnector(String method, String url, String body, String accept) throws IOException {
    byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
    Map<String, List<String>> headers = Map.of("Authorization", List.of("token " + TOKEN), "Accept", List.of(accept),
        "X-GitHub-Api-Version", List.of("2022-11-28"));
    GitHubConnectorRequest request = new GitHubConnectorRequest() {
      @Override public String method() {
        return method;
      }

      @Override public Map<String, List<String>> allHeaders() {
        return headers;
      }

      @Override public String header(String name) {
        List<String> v = headers.get(name);
        return v == null ? null : v.get(0);
      }

      @Override public String contentType() {
        return bytes == null ? null : "application/json";
      }

      @Override public InputStream body() {
        return bytes == null ? null : new ByteArrayInputStream(bytes);
      }

      @Override public URL url() {
        try {
          return new URL(url);
        } catch (IOException e) {
          throw new IllegalArgumentException(e);
        }
      }

      @Override public boolean hasBody() {
        return bytes != null;
      }
    };
    try (GitHubConnectorResponse response = GitHubConnector.DEFAULT.send(request)) {
      return response.statusCode();
    }
  }
}
