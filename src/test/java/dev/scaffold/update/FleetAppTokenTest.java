package dev.scaffold.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.sandbox.GitHubSandbox;
import dev.scaffold.sandbox.RecordedRequest;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet update authenticated as a GitHub App whose installation tokens live two seconds, on a
 * loopback GitHub that refuses them (API and smart HTTP) once expired: the run outlives its first
 * token, and every clone and push still goes through with a renewed one.
 */
class FleetAppTokenTest {

  static final long APP = 5151;

  @TempDir Path tmp;

  @Test
  void pushesLateInALongRunUseARenewedInstallationToken() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    KeyPair keys = g.generateKeyPair();
    String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
        .encodeToString(keys.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    Duration lifetime = Duration.ofSeconds(2);
    try (GitHubSandbox gh = GitHubSandbox.builder().token("ghp_seedOnlyToken000000000000", "octo").org("acme").start()) {
      gh.app(APP, keys.getPublic(), lifetime, "acme");
      Path template = FleetFixture.template(tmp.resolve("template"));
      Map<String, String> v1 = FleetFixture.renderV1(template, tmp);
      List<String> args = new ArrayList<>(List.of("update"));
      for (String n : List.of("acme/a", "acme/b", "acme/c")) {
        FleetFixture.seed(gh, tmp, n, v1, Map.of());
        args.addAll(List.of("--repo", n));
      }
      args.addAll(List.of("--defaults", "--jobs", "1"));
      gh.clearRequests();
      gh.latencyMs(150); // the run lasts well past the first token's two seconds

      FleetCommandTest.Run r = FleetCommandTest.cli(tmp, gh, false, Map.of("SCAFFOLD_GITHUB_APP_ID", String.valueOf(APP),
          "SCAFFOLD_GITHUB_APP_PRIVATE_KEY", pem, "SCAFFOLD_GITHUB_APP_OWNER", "acme"), args.toArray(String[]::new));
      assertEquals(0, r.code(), r.out() + r.err());
      assertEquals(3, gh.repos().stream().filter(x -> x.pulls().size() == 1).count(), r.out());

      List<RecordedRequest> log = gh.requests();
      Instant firstToken = log.stream().filter(q -> q.path().endsWith("/access_tokens")).findFirst().orElseThrow().at();
      Instant lastPush = log.stream().filter(q -> q.path().endsWith("/git-receive-pack")).reduce((a, b) -> b)
          .orElseThrow().at();
      assertTrue(lastPush.isAfter(firstToken.plus(lifetime).plusSeconds(1)),
          "the last push came after the first token had expired: " + firstToken + " / " + lastPush);
      assertFalse(log.stream().anyMatch(q -> q.status() == 401), "no request with an expired token: " + log);
      assertTrue(gh.appTokensIssued(APP) > 1);
      assertFalse(r.out().contains("ghs_") || r.err().contains("ghs_"));
    }
  }
}
