package dev.scaffold.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.publish.RemoteFailure;
import dev.scaffold.sandbox.GitHubSandbox;
import dev.scaffold.sandbox.RecordedRequest;
import dev.scaffold.sandbox.RepoSnapshot;
import dev.scaffold.testing.Cli;
import dev.scaffold.testing.FileTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GitHub App authentication against the loopback GitHub, with a key generated for the test. */
class AppTokenTest {

  static final long APP = 4242;

  @TempDir Path dir;
  GitHubSandbox gh;
  KeyPair keys;

  @BeforeEach
  void start() throws Exception {
    gh = GitHubSandbox.builder().token("ghp_unusedPersonalToken0000000000", "octo").org("acme", "devs").start();
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    keys = g.generateKeyPair();
  }

  @AfterEach
  void stop() {
    gh.close();
  }

  /** The key as GitHub hands it out: PKCS#1, "BEGIN RSA PRIVATE KEY". */
  private String pkcs1Pem(KeyPair pair) {
    byte[] pkcs8 = pair.getPrivate().getEncoded();
    byte[] pkcs1 = Arrays.copyOfRange(pkcs8, 26, pkcs8.length); // PrivateKeyInfo header of a 2048-bit key
    return "-----BEGIN RSA PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pkcs1)
        + "\n-----END RSA PRIVATE KEY-----\n";
  }

  @Test
  void anInstallationTokenIsFoundFromTheOwnerAndRenewedBeforeItExpires() throws Exception {
    gh.app(APP, keys.getPublic(), AppToken.MARGIN.plusSeconds(2), "acme");
    AppToken app = new AppToken(gh.baseUrl(), String.valueOf(APP), AppToken.privateKey(pkcs1Pem(keys)), "acme",
        Clock.systemUTC());
    String first = app.get();
    assertTrue(first.startsWith("ghs_"), first);
    assertEquals(first, app.get(), "still fresh: not asked again");
    Thread.sleep(3000);
    String second = app.get();
    assertNotEquals(first, second, "within five minutes of expiring: renewed");
    assertEquals(2, gh.appTokensIssued(APP));
    assertEquals(1, gh.count("GET", "/installation$"), "the installation is looked up once");
  }

  @Test
  void anExpiredInstallationTokenIsRefusedOverGitAndARenewedOneIsUsedForThePush() throws Exception {
    gh.app(APP, keys.getPublic(), Duration.ofSeconds(2), "acme");
    gh.createRepo("acme/fleet", "main", true);
    String url = gh.cloneUrl("acme/fleet");
    dev.scaffold.TokenScope scope = dev.scaffold.TokenScope.forApi(gh.baseUrl(), "the test");
    AppToken app = new AppToken(gh.baseUrl(), String.valueOf(APP), AppToken.privateKey(pkcs1Pem(keys)), "acme",
        Clock.systemUTC());
    String first = app.get();
    dev.scaffold.jgit.JGitWorkspace renewing = new dev.scaffold.jgit.JGitWorkspace(app, scope);
    Path work = dir.resolve("work");
    renewing.cloneShallow(url, "main", work);
    try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.open(work.toFile())) {
      Files.writeString(work.resolve("CHANGE.md"), "late change\n");
      git.add().addFilepattern("CHANGE.md").call();
      org.eclipse.jgit.lib.PersonIdent who = new org.eclipse.jgit.lib.PersonIdent("bot", "bot@example.com");
      git.commit().setMessage("Late").setAuthor(who).setCommitter(who).setSign(false).call();
    }
    Thread.sleep(3000); // the first token has expired

    dev.scaffold.OperationException refused = assertThrows(dev.scaffold.OperationException.class,
        () -> new dev.scaffold.jgit.JGitWorkspace(first, scope).forcePush(work, url, "main", dev.scaffold.Progress.NONE));
    assertFalse(refused.getMessage().contains(first), refused.getMessage());
    assertTrue(gh.requests().stream().anyMatch(q -> q.path().startsWith("/git/") && q.status() == 401));

    renewing.forcePush(work, url, "main", dev.scaffold.Progress.NONE);
    try (org.eclipse.jgit.lib.Repository bare = new org.eclipse.jgit.storage.file.FileRepositoryBuilder()
        .setGitDir(gh.gitDir("acme/fleet").toFile()).build();
        org.eclipse.jgit.revwalk.RevWalk walk = new org.eclipse.jgit.revwalk.RevWalk(bare)) {
      assertEquals("Late", walk.parseCommit(bare.resolve("refs/heads/main")).getShortMessage());
    }
    assertTrue(gh.appTokensIssued(APP) >= 2);
    // the API refuses the expired token too
    var api = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(gh.baseUrl() + "/repos/acme/fleet")).header("Authorization", "Bearer " + first).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(401, api.statusCode());
  }

  @Test
  void aKeyTheAppDoesNotHaveIsRefusedWithoutShowingIt() throws Exception {
    gh.app(APP, keys.getPublic(), Duration.ofHours(1), "acme");
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    String otherPem = pkcs1Pem(g.generateKeyPair());
    AppToken app = new AppToken(gh.baseUrl(), String.valueOf(APP), AppToken.privateKey(otherPem), "acme",
        Clock.systemUTC());
    RemoteFailure f = assertThrows(RemoteFailure.class, app::get);
    assertEquals(401, f.status());
    assertFalse(f.getMessage().contains(otherPem.substring(40, 80)), f.getMessage());
  }

  @Test
  void scaffoldNewProvisionsWithTheAppAndNoPersonalToken() throws Exception {
    gh.app(APP, keys.getPublic(), Duration.ofHours(1), "acme");
    FileTree.write(dir.resolve("tpl"), Map.of(
        "scaffold.yml", "name: demo\nquestions:\n  - name: name\ngithub:\n  owner: acme\n  name: ${name}\n"
            + "  teams: {devs: push}\n",
        "template/README.md.ftl", "# ${name}\n"));
    Files.writeString(dir.resolve("app.pem"), pkcs1Pem(keys));
    Map<String, String> env = new HashMap<>();
    env.put("XDG_CONFIG_HOME", dir.resolve("xdg").toString());
    env.put("SCAFFOLD_GITHUB_APP_ID", String.valueOf(APP));
    env.put("SCAFFOLD_GITHUB_APP_PRIVATE_KEY_FILE", dir.resolve("app.pem").toString());
    Cli.Run r = Cli.run(dir, env, "new", "tpl", "out", "--set", "name=demo", "--defaults", "--non-interactive",
        "--github-url", gh.baseUrl());
    assertEquals(0, r.exit(), r.out() + r.err());
    RepoSnapshot repo = gh.repo("acme/demo").orElseThrow();
    assertEquals(Map.of("devs", "push"), repo.teams());
    assertEquals(1, repo.pulls().size());
    List<String> lines = gh.requests().stream().map(RecordedRequest::line).toList();
    assertEquals("GET /orgs/acme/installation -> 200", lines.get(0));
    assertTrue(lines.get(1).startsWith("POST /app/installations/") && lines.get(1).endsWith("/access_tokens -> 201"),
        lines.toString());
    // the installation token is nowhere on disk and not in the output
    try (Stream<Path> files = Files.walk(dir.resolve("out"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertFalse(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1).contains("ghs_"),
            f.toString());
      }
    }
    assertFalse(r.out().contains("ghs_") || r.err().contains("ghs_"));
  }
}
