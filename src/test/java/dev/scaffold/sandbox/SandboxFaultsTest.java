package dev.scaffold.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxFaultsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  GitHubSandbox sandbox;
  String base;
  String token;

  @BeforeEach
  void start() throws IOException {
    sandbox = GitHubSandbox.builder().org("acme", "devs").start();
    base = sandbox.baseUrl();
    token = sandbox.token();
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void statusFaultFiresOnTheNthMatchingRequestForKTimes() throws Exception {
    sandbox.faults().add(Fault.status("GET", "^/orgs/acme$", 502).nth(2).times(2));
    assertEquals(200, RawHttp.get(base + "/orgs/acme", token).statusCode());
    assertEquals(200, RawHttp.get(base + "/user", token).statusCode(), "other paths are not counted");
    HttpResponse<String> failed = RawHttp.get(base + "/orgs/acme", token);
    assertEquals(502, failed.statusCode());
    assertEquals("Server Error", JSON.readTree(failed.body()).path("message").asText());
    assertEquals(502, RawHttp.get(base + "/orgs/acme", token).statusCode());
    assertEquals(200, RawHttp.get(base + "/orgs/acme", token).statusCode());
    assertEquals(2, sandbox.faults().firedCount());
    assertTrue(sandbox.faults().pending().isEmpty());
    assertEquals(2, sandbox.requests().stream().filter(r -> r.status() == 502).count());
  }

  @Test
  void primaryRateLimitFaultLooksLikeGitHubs() throws Exception {
    sandbox.faults().add(Fault.primaryRateLimit(null, "^/orgs/", 5));
    HttpResponse<String> r = RawHttp.send("POST", base + "/orgs/acme/repos", token, "{\"name\":\"x\"}");
    assertEquals(403, r.statusCode());
    assertEquals("0", r.headers().firstValue("X-RateLimit-Remaining").orElseThrow());
    long reset = Long.parseLong(r.headers().firstValue("X-RateLimit-Reset").orElseThrow());
    assertTrue(reset > Instant.now().getEpochSecond() && reset <= Instant.now().getEpochSecond() + 6, "reset " + reset);
    assertTrue(JSON.readTree(r.body()).path("message").asText().startsWith("API rate limit exceeded for "));
    assertTrue(sandbox.repo("acme/x").isEmpty(), "the faulted request changed nothing");
    assertEquals(201, RawHttp.send("POST", base + "/orgs/acme/repos", token, "{\"name\":\"x\"}").statusCode());
  }

  @Test
  void secondaryRateLimitFaultCarriesRetryAfter() throws Exception {
    sandbox.faults().add(Fault.secondaryRateLimit("PUT", "/topics$", 429, 7));
    sandbox.faults().add(Fault.secondaryRateLimit("GET", "/topics$", 403, 1));
    sandbox.createRepo("acme/demo", "main", false);
    HttpResponse<String> put = RawHttp.send("PUT", base + "/repos/acme/demo/topics", token, "{\"names\":[\"a\"]}");
    assertEquals(429, put.statusCode());
    assertEquals("7", put.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(JSON.readTree(put.body()).path("message").asText().startsWith("You have exceeded a secondary rate limit"));
    HttpResponse<String> get = RawHttp.get(base + "/repos/acme/demo/topics", token);
    assertEquals(403, get.statusCode());
    assertEquals("1", get.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(Integer.parseInt(get.headers().firstValue("X-RateLimit-Remaining").orElseThrow()) > 0,
        "a secondary limit leaves the primary budget alone");
  }

  @Test
  void droppedConnectionGivesTheClientAnIoError() throws Exception {
    // a POST, because java.net.http retries an idempotent GET once by itself
    sandbox.faults().add(Fault.dropConnection("POST", "^/orgs/acme/repos$"));
    assertThrows(IOException.class, () -> RawHttp.send("POST", base + "/orgs/acme/repos", token, "{\"name\":\"a\"}"));
    assertTrue(sandbox.repo("acme/a").isEmpty(), "dropped before it was handled");
    assertEquals(0, sandbox.requests().get(0).status());
    assertEquals(201, RawHttp.send("POST", base + "/orgs/acme/repos", token, "{\"name\":\"a\"}").statusCode());
  }

  @Test
  void connectionDroppedAfterHandlingLeavesTheChangeMade() throws Exception {
    sandbox.faults().add(Fault.dropConnectionAfterHandling("POST", "^/orgs/acme/repos$"));
    assertThrows(IOException.class, () -> RawHttp.send("POST", base + "/orgs/acme/repos", token, "{\"name\":\"a\"}"));
    assertTrue(sandbox.repo("acme/a").isPresent(), "the answer was lost, not the change");
    assertEquals(422, RawHttp.send("POST", base + "/orgs/acme/repos", token, "{\"name\":\"a\"}").statusCode());
  }

  @Test
  void failedPushLeavesTheRepositoryUntouchedAndTheNextPushWorks() throws Exception {
    sandbox.createRepo("acme/demo", "main", false);
    sandbox.faults().add(Fault.failPush("acme/demo"));
    try (GitWork work = GitWork.init(tmp.resolve("w"), "main")) {
      work.commit("One", Map.of("f", "1"));
      assertThrows(TransportException.class, () -> work.push(sandbox.cloneUrl("acme/demo"), token, "main"));
      assertEquals(RemoteRefUpdate.Status.OK, work.push(sandbox.cloneUrl("acme/demo"), token, "main"));
    }
    assertEquals(2, sandbox.count("POST", "/git-receive-pack$"), "one failed and one good push");
  }

  @Test
  void latencyIsAddedToEveryRequest() throws Exception {
    sandbox.latencyMs(150);
    long t0 = System.nanoTime();
    assertEquals(200, RawHttp.get(base + "/user", token).statusCode());
    assertTrue((System.nanoTime() - t0) / 1_000_000 >= 150);
    sandbox.latencyMs(0);
  }

  @Test
  void budgetRunsOutWithGitHubsPrimaryLimitAnswer() throws Exception {
    try (GitHubSandbox small = GitHubSandbox.builder().token("t", "octo").rateLimit(3).start()) {
      for (int i = 1; i <= 3; i++) {
        HttpResponse<String> r = RawHttp.get(small.baseUrl() + "/user", "t");
        assertEquals(200, r.statusCode());
        assertEquals("3", r.headers().firstValue("X-RateLimit-Limit").orElseThrow());
        assertEquals(String.valueOf(3 - i), r.headers().firstValue("X-RateLimit-Remaining").orElseThrow());
        assertEquals(String.valueOf(i), r.headers().firstValue("X-RateLimit-Used").orElseThrow());
        assertEquals("core", r.headers().firstValue("X-RateLimit-Resource").orElseThrow());
      }
      HttpResponse<String> over = RawHttp.get(small.baseUrl() + "/user", "t");
      assertEquals(403, over.statusCode());
      assertEquals("0", over.headers().firstValue("X-RateLimit-Remaining").orElseThrow());
      assertTrue(JSON.readTree(over.body()).path("message").asText().startsWith("API rate limit exceeded"));
      JsonNode limits = JSON.readTree(RawHttp.get(small.baseUrl() + "/rate_limit", "t").body());
      assertEquals(0, limits.path("resources").path("core").path("remaining").asInt());
      assertEquals(3, limits.path("rate").path("limit").asInt());
    }
  }

  @Test
  void adminEndpointArmsListsAndClearsFaults() throws Exception {
    HttpResponse<String> armed = RawHttp.send("POST", base + "/_sandbox/faults", null,
        "{\"kind\":\"status\",\"method\":\"GET\",\"path\":\"^/user$\",\"status\":500,\"times\":2}");
    assertEquals(201, armed.statusCode(), armed.body());
    RawHttp.send("POST", base + "/_sandbox/faults", null,
        "{\"kind\":\"secondary_rate_limit\",\"path\":\"^/rate_limit$\",\"status\":429,\"retry_after\":3}");
    assertEquals(2, JSON.readTree(RawHttp.get(base + "/_sandbox/faults", null).body()).size());
    assertEquals(500, RawHttp.get(base + "/user", token).statusCode());
    HttpResponse<String> limited = RawHttp.get(base + "/rate_limit", token);
    assertEquals(429, limited.statusCode());
    assertEquals("3", limited.headers().firstValue("Retry-After").orElseThrow());
    assertEquals(204, RawHttp.send("DELETE", base + "/_sandbox/faults", null, null).statusCode());
    assertEquals(200, RawHttp.get(base + "/user", token).statusCode());
    JsonNode log = JSON.readTree(RawHttp.get(base + "/_sandbox/requests", null).body());
    assertEquals(3, log.size(), "admin calls are not logged");
    assertEquals(500, log.get(0).path("status").asInt());
    assertEquals(200, RawHttp.send("PUT", base + "/_sandbox/latency", null, "{\"ms\":5}").statusCode());
    assertEquals(5, sandbox.latencyMs());
  }
}
