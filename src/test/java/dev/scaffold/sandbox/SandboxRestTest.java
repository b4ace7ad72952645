package dev.scaffold.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.HttpException;

class SandboxRestTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  GitHubSandbox sandbox;
  String base;
  String token;

  @BeforeEach
  void start() throws IOException {
    sandbox = GitHubSandbox.builder().token("tok", "octo").token("tok2", "hubot").org("acme", "devs")
        .user("alice").member("acme", "bob").start();
    base = sandbox.baseUrl();
    token = sandbox.token();
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return RawHttp.send("POST", base + path, token, body);
  }

  private static JsonNode json(HttpResponse<String> r) throws IOException {
    return JSON.readTree(r.body());
  }

  @Test
  void everyRequestNeedsAKnownToken() throws Exception {
    HttpResponse<String> none = RawHttp.get(base + "/user", null);
    assertEquals(401, none.statusCode());
    assertEquals("Bad credentials", json(none).path("message").asText());
    assertTrue(none.headers().firstValue("X-RateLimit-Limit").isPresent());
    assertEquals(401, RawHttp.get(base + "/user", "unknown").statusCode());
    assertEquals("octo", json(RawHttp.get(base + "/user", "tok")).path("login").asText());
    assertEquals("hubot", json(RawHttp.send("GET", base + "/user", null, null, "Authorization", "token tok2"))
        .path("login").asText());
    GitHub bad = new GitHubBuilder().withEndpoint(base).withOAuthToken("nope", "octo").build();
    HttpException e = assertThrows(HttpException.class, () -> bad.getOrganization("acme"));
    assertEquals(401, e.getResponseCode());
    assertFalse(sandbox.requests().get(0).tokenPresent());
    assertTrue(sandbox.requests().get(1).tokenPresent());
  }

  @Test
  void repositoryErrorsHaveGitHubsShapes() throws Exception {
    sandbox.createRepo("acme/taken", "main", true);
    HttpResponse<String> exists = post("/orgs/acme/repos", "{\"name\":\"taken\"}");
    assertEquals(422, exists.statusCode());
    JsonNode err = json(exists);
    assertEquals("Repository creation failed.", err.path("message").asText());
    assertEquals("name already exists on this account", err.path("errors").get(0).path("message").asText());
    assertEquals("custom", err.path("errors").get(0).path("code").asText());
    assertTrue(err.path("documentation_url").asText().startsWith("https://docs.github.com/"));

    HttpResponse<String> missing = RawHttp.get(base + "/repos/acme/absent", token);
    assertEquals(404, missing.statusCode());
    assertEquals("Not Found", json(missing).path("message").asText());
    assertEquals(404, RawHttp.get(base + "/orgs/nobody", token).statusCode());
    assertEquals(422, post("/orgs/acme/repos", "{}").statusCode());
    assertEquals(400, post("/orgs/acme/repos", "{not json").statusCode());
    assertEquals(422, RawHttp.send("PUT", base + "/repos/acme/taken/topics", token,
        "{\"names\":[\"Not Valid\"]}").statusCode());

    String noRestrictions = "{\"required_status_checks\":null,\"enforce_admins\":true,"
        + "\"required_pull_request_reviews\":null}";
    HttpResponse<String> invalid = RawHttp.send("PUT", base + "/repos/acme/taken/branches/main/protection", token,
        noRestrictions);
    assertEquals(422, invalid.statusCode());
    assertTrue(json(invalid).path("message").asText().contains("\"restrictions\" wasn't supplied."));
    String full = "{\"required_status_checks\":null,\"enforce_admins\":true,\"required_pull_request_reviews\":null,"
        + "\"restrictions\":null}";
    HttpResponse<String> noBranch = RawHttp.send("PUT", base + "/repos/acme/taken/branches/dev/protection", token,
        full);
    assertEquals(404, noBranch.statusCode());
    assertEquals("Branch not found", json(noBranch).path("message").asText());
    assertEquals(404, RawHttp.get(base + "/repos/acme/taken/branches/main/protection", token).statusCode());
    assertEquals(200, RawHttp.send("PUT", base + "/repos/acme/taken/branches/main/protection", token, full)
        .statusCode());
    JsonNode rule = json(RawHttp.get(base + "/repos/acme/taken/branches/main/protection", token));
    assertTrue(rule.path("enforce_admins").path("enabled").asBoolean());
    assertTrue(rule.path("required_status_checks").isMissingNode());
    assertEquals(204, RawHttp.send("DELETE", base + "/repos/acme/taken/branches/main/protection", token, null)
        .statusCode());
    assertTrue(sandbox.repo("acme/taken").orElseThrow().protections().isEmpty());
  }

  @Test
  void pullRequestRulesFollowGitHub() throws Exception {
    sandbox.createRepo("acme/demo", "main", true);
    assertEquals(422, post("/repos/acme/demo/pulls", "{\"title\":\"t\",\"head\":\"feature\",\"base\":\"main\"}")
        .statusCode(), "head branch absent");
    try (org.eclipse.jgit.api.Git clone = org.eclipse.jgit.api.Git.cloneRepository()
        .setURI(sandbox.cloneUrl("acme/demo")).setDirectory(tmp.resolve("w").toFile())
        .setCredentialsProvider(new org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider("x", token))
        .call()) {
      GitWork work = GitWork.open(clone, tmp.resolve("w"));
      work.push(sandbox.cloneUrl("acme/demo"), token, "main:same");
      work.commit("Feature", Map.of("f.txt", "f"));
      work.push(sandbox.cloneUrl("acme/demo"), token, "main:feature");
    }
    HttpResponse<String> noCommits = post("/repos/acme/demo/pulls", "{\"title\":\"t\",\"head\":\"same\",\"base\":\"main\"}");
    assertEquals(422, noCommits.statusCode());
    assertEquals("No commits between main and same", json(noCommits).path("errors").get(0).path("message").asText());
    HttpResponse<String> created = post("/repos/acme/demo/pulls",
        "{\"title\":\"T\",\"head\":\"acme:feature\",\"base\":\"main\",\"body\":\"B\"}");
    assertEquals(201, created.statusCode());
    JsonNode pr = json(created);
    assertEquals("acme:feature", pr.path("head").path("label").asText());
    assertEquals(1, json(RawHttp.get(base + "/repos/acme/demo/pulls?head=acme:feature", token)).size());
    assertEquals(0, json(RawHttp.get(base + "/repos/acme/demo/pulls?head=acme:other", token)).size());
    assertEquals(1, json(RawHttp.get(base + "/repos/acme/demo/pulls?head=other", token)).size(),
        "like GitHub, a head filter without owner: is ignored");
    assertEquals(422, RawHttp.get(base + "/repos/acme/demo/pulls?state=merged", token).statusCode());

    assertEquals(200, RawHttp.send("PATCH", base + "/repos/acme/demo/pulls/1", token, "{\"state\":\"closed\"}")
        .statusCode());
    assertEquals(0, json(RawHttp.get(base + "/repos/acme/demo/pulls", token)).size());
    assertEquals(1, json(RawHttp.get(base + "/repos/acme/demo/pulls?state=closed", token)).size());
    assertEquals(201, post("/repos/acme/demo/pulls", "{\"title\":\"T2\",\"head\":\"feature\",\"base\":\"main\"}")
        .statusCode(), "a closed PR does not block a new one");
    assertEquals(422, RawHttp.send("PATCH", base + "/repos/acme/demo/pulls/1", token, "{\"state\":\"open\"}")
        .statusCode(), "reopening while another is open for the same head");
    assertEquals(201, post("/repos/acme/demo/issues/2/comments", "{\"body\":\"hello\"}").statusCode());
    PullSnapshot second = sandbox.repo("acme/demo").orElseThrow().pulls().get(1);
    assertEquals(List.of("hello"), second.comments());
    assertEquals("T2", second.title());
    assertEquals("open", second.state());
  }

  @Test
  void orgReposAndSearchPaginateWithLinkHeaders() throws Exception {
    GitHub gh = new GitHubBuilder().withEndpoint(base).withOAuthToken(token, "octo").build();
    for (int i = 1; i <= 5; i++) {
      GHRepository r = gh.getOrganization("acme").createRepository("svc-" + i).create();
      r.setTopics(i % 2 == 0 ? List.of("scaffolded", "java") : List.of("java"));
    }
    HttpResponse<String> first = RawHttp.get(base + "/orgs/acme/repos?per_page=2", token);
    assertEquals(2, json(first).size());
    String link = first.headers().firstValue("Link").orElseThrow();
    assertTrue(link.contains("<" + base + "/orgs/acme/repos?per_page=2&page=2>; rel=\"next\""), link);
    assertTrue(link.contains("page=3>; rel=\"last\""), link);
    HttpResponse<String> last = RawHttp.get(base + "/orgs/acme/repos?per_page=2&page=3", token);
    assertEquals(1, json(last).size());
    String lastLink = last.headers().firstValue("Link").orElseThrow();
    assertTrue(lastLink.contains("rel=\"prev\"") && lastLink.contains("rel=\"first\"") && !lastLink.contains("next"));
    assertEquals(5, gh.getOrganization("acme").listRepositories(2).toList().size());
    assertEquals(3, sandbox.count("GET", "^/orgs/acme/repos$") - 2, "hub4j followed the Link header");

    HttpResponse<String> search = RawHttp.get(base + "/search/repositories?q=org:acme+topic:scaffolded&per_page=1",
        token);
    JsonNode result = json(search);
    assertEquals(2, result.path("total_count").asInt());
    assertEquals(1, result.path("items").size());
    assertEquals("search", search.headers().firstValue("X-RateLimit-Resource").orElseThrow());
    assertTrue(search.headers().firstValue("Link").orElseThrow().contains("q=org%3Aacme+topic%3Ascaffolded"));
    assertEquals(2, gh.searchRepositories().q("org:acme topic:scaffolded").list().toList().size());
  }

  @Test
  void collaboratorsAreInvitedUnlessTheyAreOrgMembers() throws Exception {
    sandbox.createRepo("acme/demo", "main", false);
    HttpResponse<String> invited = RawHttp.send("PUT", base + "/repos/acme/demo/collaborators/alice", token,
        "{\"permission\":\"triage\"}");
    assertEquals(201, invited.statusCode());
    assertEquals("alice", json(invited).path("invitee").path("login").asText());
    assertEquals(204, RawHttp.send("PUT", base + "/repos/acme/demo/collaborators/bob", token,
        "{\"permission\":\"maintain\"}").statusCode());
    JsonNode bob = json(RawHttp.get(base + "/repos/acme/demo/collaborators/bob/permission", token));
    assertEquals("write", bob.path("permission").asText());
    assertEquals("maintain", bob.path("role_name").asText());
    assertEquals("none", json(RawHttp.get(base + "/repos/acme/demo/collaborators/alice/permission", token))
        .path("permission").asText());
    assertEquals(1, json(RawHttp.get(base + "/repos/acme/demo/invitations", token)).size());
    assertEquals(404, RawHttp.send("PUT", base + "/repos/acme/demo/collaborators/ghost", token, "{}").statusCode());
    RepoSnapshot s = sandbox.repo("acme/demo").orElseThrow();
    assertEquals(Map.of("bob", "maintain"), s.collaborators());
    assertEquals(Map.of("alice", "triage"), s.invitations());
  }

  @Test
  void patchChangesSettingsAndOnlyToAnExistingDefaultBranch() throws Exception {
    sandbox.defaultBranch("acme", "trunk");
    assertEquals(201, post("/orgs/acme/repos", "{\"name\":\"t\",\"default_branch\":\"ignored\"}").statusCode());
    assertEquals("trunk", sandbox.repo("acme/t").orElseThrow().defaultBranch(), "the owner's setting, as on GitHub");
    HttpResponse<String> created = post("/user/repos", "{\"name\":\"mine\",\"private\":true,\"auto_init\":true}");
    assertEquals(201, created.statusCode());
    assertEquals("octo/mine", json(created).path("full_name").asText());
    assertEquals(base + "/git/octo/mine.git", json(created).path("clone_url").asText());
    HttpResponse<String> patched = RawHttp.send("PATCH", base + "/repos/octo/mine", token,
        "{\"description\":\"d\",\"allow_merge_commit\":false,\"visibility\":\"public\",\"default_branch\":\"main\"}");
    assertEquals(200, patched.statusCode(), patched.body());
    assertFalse(json(patched).path("allow_merge_commit").asBoolean());
    assertEquals(422, RawHttp.send("PATCH", base + "/repos/octo/mine", token, "{\"default_branch\":\"develop\"}")
        .statusCode());
    assertEquals(422, RawHttp.send("PATCH", base + "/repos/octo/mine", token, "{\"has_wiki\":\"yes\"}")
        .statusCode());
    RepoSnapshot s = sandbox.repo("octo/mine").orElseThrow();
    assertEquals("public", s.visibility());
    assertEquals("d", s.description());
    assertEquals(false, s.settings().get("allow_merge_commit"));
    assertEquals("main", s.defaultBranch());
  }

  @Test
  void parallelWorkersSeeConsistentState() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        String name = "p" + (i % 12);
        results.add(pool.submit(() -> post("/orgs/acme/repos", "{\"name\":\"" + name + "\"}").statusCode()));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : results) statuses.add(f.get());
      assertEquals(12, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
      assertEquals(12, statuses.stream().filter(s -> s == 422).count(), statuses.toString());
    } finally {
      pool.shutdownNow();
    }
    assertEquals(12, sandbox.repos().size());
    assertEquals(12, new HashSet<>(sandbox.repos().stream().map(RepoSnapshot::id).toList()).size());
  }
}
