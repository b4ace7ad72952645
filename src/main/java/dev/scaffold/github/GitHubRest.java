package dev.scaffold.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.scaffold.ScaffoldVersion;
import dev.scaffold.publish.RemoteFailure;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * Sends documented REST requests through github-api's own {@link GitHubConnector} (one request per
 * call, no hidden reads), and turns GitHub's answers into JSON or {@link RemoteFailure}s: 5xx and
 * lost connections are retryable, rate limits are retryable after {@code Retry-After} or
 * {@code X-RateLimit-Reset}. The token goes only into the Authorization header.
 */
final class GitHubRest {

  static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One answer: status, parsed body (missing when empty) and the token's scopes as {@code
   * X-OAuth-Scopes} lists them (null when GitHub sent none: a fine-grained or App token).
   */
  record Answer(int status, JsonNode body, String scopes) {
    Answer(int status, JsonNode body) {
      this(status, body, null);
    }
  }

  private final String base;
  private final java.util.function.Supplier<String> token;
  private final GitHubConnector connector;
  private final Clock clock;
  private final RateGate gate;

  GitHubRest(String baseUrl, String token, GitHubConnector connector, Clock clock) {
    this(baseUrl, token, connector, clock, null);
  }

  /** @param gate one rate budget for all threads using this client; null sends every request as asked */
  GitHubRest(String baseUrl, String token, GitHubConnector connector, Clock clock, RateGate gate) {
    this(baseUrl, () -> token, connector, clock, gate);
  }

  /** @param token asked before each request: a GitHub App's installation token renews itself */
  GitHubRest(String baseUrl, java.util.function.Supplier<String> token, GitHubConnector connector, Clock clock,
      RateGate gate) {
    this.base = baseUrl.replaceAll("/+$", "");
    this.token = token;
    this.connector = connector;
    this.clock = clock;
    this.gate = gate;
  }

  /** Sends the request; 404 is an answer, other non-2xx statuses throw. */
  Answer send(String method, String path, Object body) {
    byte[] bytes;
    try {
      bytes = body == null ? null : JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    Request req;
    try {
      req = new Request(method, new URL(base + path), bytes, token.get());
    } catch (IOException e) {
      throw RemoteFailure.permanent("bad GitHub URL " + base + path + ": " + e.getMessage(), 0);
    }
    String what = method + " " + path;
    if (gate != null) {
      gate.acquire(what);
    }
    try {
      return exchange(req, what);
    } finally {
      if (gate != null) {
        gate.release();
      }
    }
  }

  private Answer exchange(Request req, String what) {
    try (GitHubConnectorResponse res = connector.send(req)) {
      int status = res.statusCode();
      if (gate != null) {
        gate.observe(res.header("X-RateLimit-Resource"), res.header("X-RateLimit-Remaining"),
            res.header("X-RateLimit-Reset"));
      }
      JsonNode json = read(res);
      if (status / 100 == 2 || status == 404) {
        return new Answer(status, json, res.header("X-OAuth-Scopes"));
      }
      RemoteFailure f = failure(what, status, res, json);
      if (gate != null && f.retryable() && f.waitHint() != null && (status == 403 || status == 429)) {
        gate.pause(f.waitHint());
      }
      throw f;
    } catch (IOException e) {
      String cause = dev.scaffold.NetworkCause.describe(e, base);
      if (cause != null) {
        String message = scrub(what + ": no answer from the GitHub API at " + dev.scaffold.NetworkCause.redact(base) + ": " + cause);
        throw new RemoteFailure(message, 0, !dev.scaffold.NetworkCause.permanent(e), null, null);
      }
      throw RemoteFailure.transientFailure(what + ": no answer from GitHub (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + scrub(e.getMessage())) + ")", 0, null, null);
    }
  }

  private String scrub(String s) {
    String t = token.get();
    return t == null || t.isEmpty() ? s : s.replace(t, "***");
  }

  private static JsonNode read(GitHubConnectorResponse res) throws IOException {
    try (InputStream in = res.bodyStream()) {
      if (in == null) {
        return MissingNode.getInstance();
      }
      byte[] b = in.readAllBytes();
      if (b.length == 0) {
        return MissingNode.getInstance();
      }
      try {
        return JSON.readTree(b);
      } catch (IOException notJson) {
        return JSON.getNodeFactory().textNode(new String(b, StandardCharsets.UTF_8));
      }
    }
  }

  private RemoteFailure failure(String what, int status, GitHubConnectorResponse res, JsonNode json) {
    String message = what + " answered " + status + ": " + scrub(describe(json));
    String retryAfter = res.header("Retry-After");
    String remaining = res.header("X-RateLimit-Remaining");
    String reset = res.header("X-RateLimit-Reset");
    if ((status == 403 || status == 429) && retryAfter != null) {
      return RemoteFailure.transientFailure(message + " (secondary rate limit)", status, seconds(retryAfter), null);
    }
    if ((status == 403 || status == 429) && "0".equals(remaining) && reset != null) {
      Duration wait;
      try {
        wait = Duration.ofSeconds(Math.max(0, Long.parseLong(reset.trim()) - clock.instant().getEpochSecond() + 1));
      } catch (NumberFormatException e) {
        wait = null;
      }
      return RemoteFailure.transientFailure(message + " (rate limit, resets at " + reset + ")", status, wait, null);
    }
    if (status == 429 || status == 403 && describe(json).toLowerCase().contains("secondary rate limit")) {
      return RemoteFailure.transientFailure(message, status, Duration.ofSeconds(60), null);
    }
    if (status >= 500) {
      return RemoteFailure.transientFailure(message, status, null, null);
    }
    if (status / 100 == 3) {
      return RemoteFailure.permanent(message + " (a redirect to " + scrub(String.valueOf(res.header("Location")))
          + ", not followed: the token would go along)", status);
    }
    return RemoteFailure.permanent(message, status);
  }

  private static Duration seconds(String v) {
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(v.trim())));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** GitHub's message plus the details of its {@code errors}. */
  static String describe(JsonNode json) {
    if (json == null || json.isMissingNode()) {
      return "no details";
    }
    if (json.isTextual()) {
      return json.asText().strip();
    }
    StringBuilder b = new StringBuilder(json.path("message").asText("no details"));
    for (JsonNode e : json.path("errors")) {
      String m = e.hasNonNull("message") ? e.get("message").asText()
          : (e.path("field").asText("") + " " + e.path("code").asText("")).strip();
      if (!m.isEmpty()) {
        b.append("; ").append(m);
      }
    }
    return b.toString();
  }

  private static final class Request implements GitHubConnectorRequest {
    private final String method;
    private final URL url;
    private final byte[] body;
    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    Request(String method, URL url, byte[] body, String token) {
      this.method = method;
      this.url = url;
      this.body = body;
      headers.put("Accept", List.of("application/vnd.github+json"));
      headers.put("X-GitHub-Api-Version", List.of("2022-11-28"));
      headers.put("User-Agent", List.of("scaffold/" + ScaffoldVersion.current()));
      headers.put("Authorization", List.of("Bearer " + token));
      if (body != null) {
        headers.put("Content-Type", List.of("application/json; charset=utf-8"));
      }
    }

    @Override
    public String method() {
      return method;
    }

    @Override
    public Map<String, List<String>> allHeaders() {
      return headers;
    }

    @Override
    public String header(String name) {
      List<String> v = headers.get(name);
      return v == null ? null : String.join(",", v);
    }

    @Override
    public String contentType() {
      return header("Content-Type");
    }

    @Override
    public InputStream body() {
      return body == null ? null : new ByteArrayInputStream(body);
    }

    @Override
    public URL url() {
      return url;
    }

    @Override
    public boolean hasBody() {
      return body != null;
    }

    @Override
    public String toString() {
      return method + " " + url;
    }
  }
}
