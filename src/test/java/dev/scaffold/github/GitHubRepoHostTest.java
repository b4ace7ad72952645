package dev.scaffold.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.publish.GitHubSettings;
import dev.scaffold.publish.RemoteFailure;
import dev.scaffold.publish.RepoHost;
import dev.scaffold.sandbox.Fault;
import dev.scaffold.sandbox.GitHubSandbox;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The adapter against the loopback GitHub: documented routes, read-back, and fault translation. */
class GitHubRepoHostTest {

  static final String TOKEN = "tok-abc-123";
  GitHubSandbox gh;
  GitHubRepoHost host;

  @BeforeEach
  void start() throws IOException {
    gh = GitHubSandbox.builder().token(TOKEN, "octo").org("acme", "devs").user("alice").start();
    host = GitHubRepoHost.connect(gh.baseUrl(), TOKEN);
  }

  @AfterEach
  void stop() {
    gh.close();
  }

  static GitHubSettings settings(String owner) {
    return new GitHubSettings(true, owner, "demo", "private", "d", null, List.of("x"), Map.of(), Map.of(), "main",
        Map.of("delete_branch_on_merge", true), null, null);
  }

  @Test
  void createsReadsAndGrantsOnDocumentedRoutes() {
    RepoHost.HostedRepo r = host.create(settings("acme"), true).orElseThrow();
    assertEquals(gh.cloneUrl("acme/demo"), r.cloneUrl());
    assertEquals(r, host.find("acme", "demo").orElseThrow());
    assertTrue(host.find("acme", "nope").isEmpty());
    host.grantTeam("acme", "demo", "devs", "triage");
    assertEquals(Map.of("devs", "triage"), host.teams("acme", "demo"));
    assertEquals(Map.of("devs", "triage"), gh.repo("acme/demo").orElseThrow().teams());
    assertEquals(0, gh.legacyTeamGrants());
    host.grantCollaborator("acme", "demo", "alice", "push");
    assertEquals(Map.of("alice", "push"), host.collaborators("acme", "demo"));
    assertEquals("octo", host.login());
    assertTrue(host.create(settings("no-such-org"), true).isEmpty());
  }

  @Test
  void protectionRoundTrips() throws Exception {
    host.create(settings("acme"), true);
    try (var git = org.eclipse.jgit.api.Git.init().setDirectory(java.nio.file.Files.createTempDirectory("w").toFile())
        .setInitialBranch("main").call()) {
      java.nio.file.Files.writeString(git.getRepository().getWorkTree().toPath().resolve("a"), "a");
      git.add().addFilepattern("a").call();
      git.commit().setMessage("a").setSign(false).call();
      git.push().setRemote(gh.cloneUrl("acme/demo")).add("main")
          .setCredentialsProvider(new org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider("x", TOKEN)).call();
    }
    assertTrue(host.protection("acme", "demo", "main").isEmpty());
    GitHubSettings.Protection rule = new GitHubSettings.Protection(1, true, false, List.of("ci"), true, false, true);
    host.protect("acme", "demo", "main", rule);
    assertEquals(rule, host.protection("acme", "demo", "main").orElseThrow());
  }

  @Test
  void serverErrorsAndLostConnectionsAreRetryable() {
    gh.faults().add(Fault.status("GET", "^/repos/acme/demo$", 503));
    RemoteFailure f = assertThrows(RemoteFailure.class, () -> host.find("acme", "demo"));
    assertTrue(f.retryable());
    assertEquals(503, f.status());
    assertTrue(host.find("acme", "demo").isEmpty());
    host.create(settings("acme"), true);
    // the JDK's client itself repeats a GET once on a lost connection; a PUT reaches us
    gh.faults().add(Fault.dropConnection("PUT", "/topics$"));
    assertTrue(assertThrows(RemoteFailure.class, () -> host.setTopics("acme", "demo", List.of("a"))).retryable());
    host.setTopics("acme", "demo", List.of("a"));
    assertEquals(List.of("a"), gh.repo("acme/demo").orElseThrow().topics());
  }

  @Test
  void rateLimitsCarryTheWaitGitHubAsksFor() {
    gh.faults().add(Fault.primaryRateLimit("GET", "^/repos/", 30));
    RemoteFailure primary = assertThrows(RemoteFailure.class, () -> host.find("acme", "demo"));
    assertTrue(primary.retryable());
    assertTrue(primary.waitHint().compareTo(Duration.ofSeconds(25)) > 0
        && primary.waitHint().compareTo(Duration.ofSeconds(35)) < 0, primary.waitHint().toString());
    gh.faults().add(Fault.secondaryRateLimit("GET", "^/repos/", 429, 7));
    RemoteFailure secondary = assertThrows(RemoteFailure.class, () -> host.find("acme", "demo"));
    assertEquals(Duration.ofSeconds(7), secondary.waitHint());
  }

  @Test
  void clientErrorsAreFinalAndNeverShowTheToken() {
    host.create(settings("acme"), true);
    RemoteFailure f = assertThrows(RemoteFailure.class, () -> host.create(settings("acme"), true));
    assertFalse(f.retryable());
    assertTrue(f.getMessage().contains("422") && f.getMessage().contains("name already exists"), f.getMessage());
    assertFalse(f.getMessage().contains(TOKEN));
    GitHubRepoHost bad = GitHubRepoHost.connect(gh.baseUrl(), "wrong-token");
    RemoteFailure denied = assertThrows(RemoteFailure.class, () -> bad.find("acme", "demo"));
    assertEquals(401, denied.status());
    assertFalse(denied.retryable());
  }
}
