package dev.scaffold.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the sandbox's answers against the required properties of GitHub's OpenAPI description
 * (extracted once from {@code @octokit/openapi} 23.0.2 into {@code openapi-required.json}).
 */
class ResponseConformanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static JsonNode required;
  private static GitHubSandbox sandbox;
  private static String base;
  private static String token;

  @BeforeAll
  static void setUp(@TempDir Path tmp) throws Exception {
    try (InputStream in = ResponseConformanceTest.class.getResourceAsStream("openapi-required.json")) {
      required = JSON.readTree(in).path("schemas");
    }
    sandbox = GitHubSandbox.builder().org("acme", "devs").user("alice").start();
    base = sandbox.baseUrl();
    token = sandbox.token();
    send("POST", "/orgs/acme/repos", "{\"name\":\"demo\",\"auto_init\":true}", 201);
    try (org.eclipse.jgit.api.Git clone = org.eclipse.jgit.api.Git.cloneRepository()
        .setURI(sandbox.cloneUrl("acme/demo")).setDirectory(tmp.resolve("c").toFile())
        .setCredentialsProvider(new org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider("x", token))
        .call()) {
      GitWork work = GitWork.open(clone, tmp.resolve("c"));
      work.commit("Feature", Map.of("f.txt", "f"));
      assertEquals(RemoteRefUpdate.Status.OK, work.push(sandbox.cloneUrl("acme/demo"), token, "main:feature"));
    }
  }

  @AfterAll
  static void tearDown() {
    sandbox.close();
  }

  private static JsonNode send(String method, String path, String body, int status) throws Exception {
    HttpResponse<String> r = RawHttp.send(method, base + path, token, body);
    assertEquals(status, r.statusCode(), method + " " + path + ": " + r.body());
    return JSON.readTree(r.body());
  }

  /** Every required property of {@code schema} (and of its nested objects, when present) is there. */
  private static void conforms(String schema, JsonNode node) {
    List<String> missing = new ArrayList<>();
    check(schema, node, missing);
    assertTrue(missing.isEmpty(), schema + " lacks " + missing);
  }

  private static void check(String schema, JsonNode node, List<String> missing) {
    JsonNode keys = required.get(schema);
    assertTrue(keys != null, "no schema " + schema);
    keys.forEach(k -> {
      if (!node.has(k.asText())) missing.add(schema + "." + k.asText());
    });
    for (Iterator<String> it = required.fieldNames(); it.hasNext(); ) {
      String nested = it.next();
      if (!nested.startsWith(schema + ".") || nested.indexOf('.', schema.length() + 1) >= 0) continue;
      JsonNode child = node.get(nested.substring(schema.length() + 1));
      if (child != null && child.isObject()) check(nested, child, missing);
    }
  }

  @Test
  void repositoriesUsersAndOrganisations() throws Exception {
    JsonNode repo = send("GET", "/repos/acme/demo", null, 200);
    conforms("full-repository", repo);
    conforms("simple-user", repo.get("owner"));
    conforms("simple-user", repo.get("organization"));
    conforms("private-user", send("GET", "/user", null, 200));
    conforms("public-user", send("GET", "/users/alice", null, 200));
    conforms("organization-full", send("GET", "/orgs/acme", null, 200));
    conforms("team", send("GET", "/orgs/acme/teams/devs", null, 200));
    conforms("rate-limit-overview", send("GET", "/rate_limit", null, 200));
    send("PUT", "/orgs/acme/teams/devs/repos/acme/demo", "{\"permission\":\"push\"}", 204);
    HttpResponse<String> teamRepo = RawHttp.send("GET", base + "/orgs/acme/teams/devs/repos/acme/demo", token, null,
        "Accept", "application/vnd.github.v3.repository+json");
    conforms("team-repository", JSON.readTree(teamRepo.body()));
    conforms("team", send("GET", "/repos/acme/demo/teams", null, 200).get(0));
    conforms("repository-invitation",
        send("PUT", "/repos/acme/demo/collaborators/alice", "{\"permission\":\"pull\"}", 201));
    conforms("repository-collaborator-permission",
        send("GET", "/repos/acme/demo/collaborators/alice/permission", null, 200));
    conforms("full-repository", send("GET", "/search/repositories?q=org:acme", null, 200).path("items").get(0));
  }

  @Test
  void branchesRefsAndProtection() throws Exception {
    conforms("branch-with-protection", send("GET", "/repos/acme/demo/branches/main", null, 200));
    conforms("short-branch", send("GET", "/repos/acme/demo/branches", null, 200).get(0));
    conforms("git-ref", send("GET", "/repos/acme/demo/git/ref/heads/main", null, 200));
    conforms("commit", send("GET", "/repos/acme/demo/commits/main", null, 200));
    String body = "{\"required_status_checks\":{\"strict\":true,\"contexts\":[\"ci\"]},\"enforce_admins\":true,"
        + "\"required_pull_request_reviews\":{\"required_approving_review_count\":1},\"restrictions\":"
        + "{\"users\":[],\"teams\":[\"devs\"]},\"required_linear_history\":true}";
    conforms("protected-branch", send("PUT", "/repos/acme/demo/branches/main/protection", body, 200));
    JsonNode rule = send("GET", "/repos/acme/demo/branches/main/protection", null, 200);
    conforms("protected-branch", rule);
    assertEquals("ci", rule.path("required_status_checks").path("checks").get(0).path("context").asText());
  }

  @Test
  void pullRequestsCommentsAndErrors() throws Exception {
    JsonNode pr = send("POST", "/repos/acme/demo/pulls", "{\"title\":\"t\",\"head\":\"feature\",\"base\":\"main\"}",
        201);
    conforms("pull-request", pr);
    conforms("full-repository", pr.path("head").path("repo"));
    conforms("pull-request", send("GET", "/repos/acme/demo/pulls", null, 200).get(0));
    conforms("issue-comment", send("POST", "/repos/acme/demo/issues/1/comments", "{\"body\":\"hi\"}", 201));
    conforms("basic-error", send("GET", "/repos/acme/none", null, 404));
    conforms("validation-error", send("POST", "/orgs/acme/repos", "{\"name\":\"demo\"}", 422));
    conforms("validation-error", send("POST", "/repos/acme/demo/pulls",
        "{\"title\":\"t\",\"head\":\"feature\",\"base\":\"main\"}", 422));
  }

}
