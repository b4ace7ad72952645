package dev.scaffold.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * The sandbox's own control endpoints under {@code /_sandbox/} (faults, latency, request log,
 * state), for the command-line sandbox; they need no token and are neither logged nor faulted.
 */
final class SandboxAdmin {

  private final GitHubSandbox sandbox;

  SandboxAdmin(GitHubSandbox sandbox) {
    this.sandbox = sandbox;
  }

  void handle(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String route = req.getMethod() + " " + req.getRequestURI().replaceAll("/+$", "");
    try {
      switch (route) {
        case "GET /_sandbox/faults" -> {
          ArrayNode out = GitHubJson.array();
          sandbox.faults().pending().forEach(f -> out.add(fault(f)));
          RequestGate.json(res, 200, out);
        }
        case "POST /_sandbox/faults" -> {
          Fault f = parseFault(body(req));
          sandbox.faults().add(f);
          RequestGate.json(res, 201, fault(f));
        }
        case "DELETE /_sandbox/faults" -> {
          sandbox.faults().clear();
          res.setStatus(204);
        }
        case "GET /_sandbox/latency" -> RequestGate.json(res, 200, latency());
        case "PUT /_sandbox/latency", "POST /_sandbox/latency" -> {
          sandbox.latencyMs(body(req).path("ms").asInt(0));
          RequestGate.json(res, 200, latency());
        }
        case "GET /_sandbox/requests" -> {
          ArrayNode out = GitHubJson.array();
          for (RecordedRequest r : sandbox.requests()) {
            ObjectNode n = out.addObject();
            n.put("at", r.at().toString());
            n.put("method", r.method());
            n.put("path", r.path());
            n.put("query", r.query());
            n.put("status", r.status());
            n.put("token_present", r.tokenPresent());
            n.put("user_agent", r.userAgent());
          }
          RequestGate.json(res, 200, out);
        }
        case "DELETE /_sandbox/requests" -> {
          sandbox.clearRequests();
          res.setStatus(204);
        }
        case "GET /_sandbox/repos" -> {
          ArrayNode out = GitHubJson.array();
          sandbox.repos().forEach(r -> out.add(repo(r)));
          RequestGate.json(res, 200, out);
        }
        case "POST /_sandbox/repos" -> {
          JsonNode b = body(req);
          RepoSnapshot r = sandbox.createRepo(b.path("full_name").asText(),
              b.path("default_branch").asText("main"), b.path("auto_init").asBoolean(true));
          RequestGate.json(res, 201, repo(r));
        }
        case "POST /_sandbox/orgs" -> {
          JsonNode b = body(req);
          java.util.List<String> teams = new java.util.ArrayList<>();
          b.path("teams").forEach(t -> teams.add(t.asText()));
          sandbox.addOrg(b.path("login").asText(), teams.toArray(String[]::new));
          res.setStatus(204);
        }
        case "POST /_sandbox/users" -> {
          JsonNode b = body(req);
          if (b.hasNonNull("token")) sandbox.addToken(b.get("token").asText(), b.path("login").asText());
          else sandbox.addUser(b.path("login").asText());
          res.setStatus(204);
        }
        default -> RequestGate.json(res, 404, GitHubJson.error("Not Found: " + route
            + " (try /_sandbox/faults, /_sandbox/latency, /_sandbox/requests, /_sandbox/repos,"
            + " /_sandbox/orgs, /_sandbox/users)", null, 404));
      }
    } catch (RuntimeException e) {
      RequestGate.json(res, 400, GitHubJson.error(String.valueOf(e.getMessage()), null, 400));
    }
  }

  private ObjectNode latency() {
    ObjectNode n = GitHubJson.object();
    n.put("ms", sandbox.latencyMs());
    return n;
  }

  private static JsonNode body(HttpServletRequest req) throws IOException {
    byte[] bytes = req.getInputStream().readAllBytes();
    return bytes.length == 0 ? GitHubJson.object() : GitHubJson.MAPPER.readTree(bytes);
  }

  /**
   * {"kind": "status|primary_rate_limit|secondary_rate_limit|drop_connection|drop_after_handling|fail_push", "method",
   * "path" (regex), "status", "nth", "times", "retry_after", "reset_seconds", "repo" (fail_push)}.
   */
  static Fault parseFault(JsonNode b) {
    String kind = b.path("kind").asText("status").toLowerCase(Locale.ROOT);
    String method = b.path("method").asText(null);
    String path = b.path("path").asText(".*");
    Fault f = switch (kind) {
      case "status" -> Fault.status(method, path, b.path("status").asInt(500));
      case "primary_rate_limit" -> Fault.primaryRateLimit(method, path, b.path("reset_seconds").asInt(3));
      case "secondary_rate_limit" ->
          Fault.secondaryRateLimit(method, path, b.path("status").asInt(403), b.path("retry_after").asInt(2));
      case "drop_connection" -> Fault.dropConnection(method, path);
      case "drop_after_handling" -> Fault.dropConnectionAfterHandling(method, path);
      case "fail_push" -> Fault.failPush(b.path("repo").asText());
      default -> throw new IllegalArgumentException("unknown fault kind: " + kind);
    };
    return f.nth(b.path("nth").asInt(1)).times(b.path("times").asInt(1));
  }

  private static ObjectNode fault(Fault f) {
    ObjectNode n = GitHubJson.object();
    n.put("kind", f.kind().name().toLowerCase(Locale.ROOT));
    n.put("method", f.method() == null ? "*" : f.method());
    n.put("path", f.path().pattern());
    n.put("nth", f.nth());
    n.put("times", f.times());
    n.put("status", f.status());
    n.put("retry_after", f.retryAfterSeconds());
    n.put("reset_seconds", f.resetSeconds());
    return n;
  }

  private static ObjectNode repo(RepoSnapshot r) {
    ObjectNode n = GitHubJson.MAPPER.valueToTree(r);
    n.put("gitDir", r.gitDir().toString());
    n.put("fullName", r.fullName());
    return n;
  }
}
