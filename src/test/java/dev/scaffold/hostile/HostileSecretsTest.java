package dev.scaffold.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.OperationException;
import dev.scaffold.TokenScope;
import dev.scaffold.jgit.JGitWorkspace;
import dev.scaffold.sandbox.GitHubSandbox;
import dev.scaffold.testing.Cli;
import dev.scaffold.testing.FileTree;
import dev.scaffold.testing.Git;
import dev.scaffold.testing.TreeSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitHub token stays with scaffold: template tasks never see it, it goes only to the GitHub
 * API's origin and to git on that same GitHub, never over plain http away from this machine, and
 * never into a message or a file.
 */
class HostileSecretsTest {

  static final String TOKEN = "ghp_hostileSecretsToken0123456789ab";

  @TempDir Path dir;

  /** The environment the CLI sees: the token, a copy of it under another name, and what tasks need. */
  private Map<String, String> env(String... extra) {
    Map<String, String> env = new HashMap<>();
    env.put("GITHUB_TOKEN", TOKEN);
    env.put("GH_TOKEN", TOKEN);
    env.put("GH_ENTERPRISE_TOKEN", TOKEN + "-enterprise");
    env.put("DEPLOY_KEY_COPY", TOKEN);
    env.put("PATH", System.getenv("PATH"));
    env.put("HOME", dir.resolve("home").toString());
    env.put("XDG_CONFIG_HOME", dir.resolve("xdg").toString());
    for (int i = 0; i + 1 < extra.length; i += 2) {
      env.put(extra[i], extra[i + 1]);
    }
    return env;
  }

  /** The token in no output and in no file under the test's folder (projects, their .git, templates). */
  private void assertTokenNowhere(Cli.Run r) throws IOException {
    assertFalse(r.out().contains(TOKEN), r.out());
    assertFalse(r.err().contains(TOKEN), r.err());
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertFalse(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1).contains(TOKEN),
            "the token is in " + dir.relativize(f));
      }
    }
  }

  @Test
  void aTemplateTaskDoesNotSeeTheTokenButSeesTheRestOfTheEnvironment() throws Exception {
    FileTree.write(dir.resolve("tpl"), Map.of(
        "scaffold.yml", """
            name: demo
            tasks:
              - command: [sh, -c, 'test -z "$GITHUB_TOKEN$GH_TOKEN$GH_ENTERPRISE_TOKEN" || exit 9']
              - command: [sh, -c, 'env > seen-env.txt']
            """,
        "template/README.md", "hi\n"));

    Cli.Run r = Cli.run(dir, env("KEEP_ME", "yes"), "new", "tpl", "out", "--defaults", "--non-interactive",
        "--no-github", "--no-git");

    assertEquals(0, r.exit(), r.err());
    String seen = Files.readString(dir.resolve("out/seen-env.txt"));
    assertTrue(seen.contains("KEEP_ME=yes") && seen.contains("PATH=") && seen.contains("HOME="), seen);
    for (String name : List.of("GITHUB_TOKEN=", "GH_TOKEN=", "GH_ENTERPRISE_TOKEN=", "DEPLOY_KEY_COPY=")) {
      assertFalse(seen.contains(name), name + " reached the task: " + seen);
    }
    assertTokenNowhere(r);
  }

  // ---- where the token goes ------------------------------------------------------------------

  private static final String GH_TEMPLATE = """
      name: demo
      questions:
        - name: name
          default: demo
      github:
        owner: acme
        name: ${name}
      """;

  private void githubTemplate() {
    FileTree.write(dir.resolve("gh-tpl"), Map.of("scaffold.yml", GH_TEMPLATE, "template/README.md.ftl", "# ${name}\n"));
  }

  private Cli.Run provision(String apiUrl) {
    return Cli.run(dir, env(), "new", "gh-tpl", "out", "--defaults", "--non-interactive", "--github-url", apiUrl);
  }

  @Test
  void provisioningRefusesACloneUrlOnAnotherPortBeforeGitSendsAnything() throws Exception {
    githubTemplate();
    try (GitHubSandbox gh = GitHubSandbox.builder().token(TOKEN, "octo").org("acme").start();
        Eavesdropper evil = new Eavesdropper("127.0.0.1")) {
      gh.handOutCloneUrlsOn(evil.baseUrl());

      Cli.Run r = provision(gh.baseUrl());

      assertEquals(1, r.exit(), r.err());
      assertTrue(r.err().contains("refusing the git URL " + evil.baseUrl() + "/git/acme/demo.git: it is not on the "
          + "GitHub in use (" + gh.baseUrl() + ")"), r.err());
      assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
      assertEquals(List.of(), evil.heard(), "nothing went to the other origin");
      assertTrue(branches(gh, "acme/demo").isEmpty(), "nothing was pushed");
      assertFalse(Files.readString(dir.resolve("out/.git/config")).contains(evil.baseUrl()),
          "the refused URL is not the project's remote");
      assertTokenNowhere(r);
    }
  }

  @Test
  void provisioningRefusesACloneUrlOnAnotherHost() throws Exception {
    githubTemplate();
    try (GitHubSandbox gh = GitHubSandbox.builder().token(TOKEN, "octo").org("acme").start()) {
      gh.handOutCloneUrlsOn("https://evil.example");

      Cli.Run r = provision(gh.baseUrl());

      assertEquals(1, r.exit(), r.err());
      assertTrue(r.err().contains("refusing the git URL https://evil.example/git/acme/demo.git"), r.err());
      assertTrue(r.err().contains("run the same command again to resume"), r.err());
      assertTrue(branches(gh, "acme/demo").isEmpty());
      assertTokenNowhere(r);
    }
  }

  @Test
  void provisioningRefusesACloneUrlThatDowngradesToPlainHttp() throws Exception {
    githubTemplate();
    try (GitHubSandbox gh = GitHubSandbox.builder().token(TOKEN, "octo").org("acme").start()) {
      gh.handOutCloneUrlsOn("http://github.com");

      Cli.Run r = provision(gh.baseUrl());

      assertEquals(1, r.exit(), r.err());
      assertTrue(r.err().contains("refusing the git URL http://github.com/git/acme/demo.git"), r.err());
      assertTokenNowhere(r);
    }
  }

  @Test
  void aPlainHttpGithubUrlIsRefusedBeforeAnythingIsWritten() throws Exception {
    githubTemplate();
    TreeSnapshot before = TreeSnapshot.of(dir);

    Cli.Run r = provision("http://example.com");

    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("--github-url http://example.com"), r.err());
    assertTrue(r.err().contains("use https://example.com"), r.err());
    before.assertUnchanged();
    assertTokenNowhere(r);
  }

  @Test
  void aPlainHttpApiFromTheEnvironmentIsRefusedForAFleetUpdate() throws Exception {
    TreeSnapshot before = TreeSnapshot.of(dir);

    Cli.Run r = Cli.run(dir, env("SCAFFOLD_GITHUB_URL", "http://ghe.example.com/api/v3"), "update", "--repo",
        "acme/lib", "--defaults", "--non-interactive");

    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("SCAFFOLD_GITHUB_URL http://ghe.example.com/api/v3"), r.err());
    assertTrue(r.err().contains("use https://ghe.example.com/api/v3"), r.err());
    before.assertUnchanged();
    assertTokenNowhere(r);
  }

  @Test
  void anApiRedirectToAnotherOriginIsNotFollowed() throws Exception {
    githubTemplate();
    try (Eavesdropper evil = new Eavesdropper("127.0.0.1");
        Eavesdropper api = new Eavesdropper("127.0.0.1").redirectingTo(evil.baseUrl())) {

      Cli.Run r = provision(api.baseUrl());

      assertEquals(1, r.exit(), r.err());
      assertTrue(r.err().contains("answered 307: no details (a redirect to " + evil.baseUrl() + "/orgs/acme, "
          + "not followed"), r.err());
      assertTrue(r.err().contains("nothing was created"), r.err());
      assertEquals(1, api.heard().size(), "one request, not retried: " + api.heard());
      assertEquals(List.of(), evil.heard(), "the redirect was not followed");
      assertTokenNowhere(r);
    }
  }

  @Test
  void aFleetUpdateRefusesToCloneFromAnotherOrigin() throws Exception {
    Path tpl = GitHooksTest.gitTemplate(dir.resolve("tpl-repo"));
    try (GitHubSandbox gh = GitHubSandbox.builder().token(TOKEN, "octo").org("acme").start();
        Eavesdropper evil = new Eavesdropper("127.0.0.1")) {
      seed(gh, tpl, "acme/lib");
      gh.handOutCloneUrlsOn(evil.baseUrl());

      Cli.Run r = Cli.run(dir, env(), "update", "--repo", "acme/lib", "--defaults", "--non-interactive",
          "--github-url", gh.baseUrl());

      assertEquals(1, r.exit(), r.out() + r.err());
      assertTrue((r.out() + r.err()).contains("refusing the git URL " + evil.baseUrl() + "/git/acme/lib.git"),
          r.out() + r.err());
      assertEquals(List.of(), evil.heard());
      assertTrue(gh.repo("acme/lib").orElseThrow().pulls().isEmpty());
      assertTokenNowhere(r);
    }
  }

  @Test
  void updatePrRefusesToPushToAnotherOrigin() throws Exception {
    Path tpl = GitHooksTest.gitTemplate(dir.resolve("tpl-repo"));
    try (GitHubSandbox gh = GitHubSandbox.builder().token(TOKEN, "octo").org("acme").start();
        Eavesdropper evil = new Eavesdropper("127.0.0.1")) {
      seed(gh, tpl, "acme/solo");
      Path checkout = dir.resolve("seed");
      Git.run(checkout, "remote", "add", "origin", gh.cloneUrl("acme/solo"));
      gh.handOutCloneUrlsOn(evil.baseUrl());
      String branchesBefore = branches(gh, "acme/solo");

      Cli.Run r = Cli.run(dir, env(), "update", "seed", "--pr", "--defaults", "--non-interactive",
          "--github-url", gh.baseUrl());

      assertEquals(1, r.exit(), r.out() + r.err());
      assertTrue(r.err().contains("refusing the git URL " + evil.baseUrl() + "/git/acme/solo.git"), r.err());
      assertEquals(List.of(), evil.heard());
      assertEquals(branchesBefore, branches(gh, "acme/solo"), "nothing pushed");
      assertTrue(gh.repo("acme/solo").orElseThrow().pulls().isEmpty());
      assertTokenNowhere(r);
    }
  }

  @Test
  void aPrivateTemplateOnAnotherHostNeverGetsTheToken() throws Exception {
    try (Eavesdropper evil = new Eavesdropper("127.0.0.1");
        GitHubSandbox gh = GitHubSandbox.builder().token(TOKEN, "octo").org("acme").start()) {
      TreeSnapshot before = TreeSnapshot.of(dir);

      Cli.Run r = Cli.run(dir, env(), "new", evil.baseUrl() + "/acme/tpl.git", "out", "--defaults",
          "--non-interactive", "--no-github", "--github-url", gh.baseUrl());

      assertEquals(1, r.exit(), r.err());
      assertFalse(evil.heard().isEmpty(), "the template host was asked");
      assertFalse(evil.heardCredentials(), "but got no credentials: " + evil.heard());
      before.assertUnchanged();
      assertTokenNowhere(r);
    }
  }

  @Test
  void aGitRedirectToAnotherHostGetsNoCredentials() throws Exception {
    try (Eavesdropper evil = new Eavesdropper("localhost");
        Eavesdropper github = new Eavesdropper("127.0.0.1").redirectingTo(evil.baseUrl())) {
      JGitWorkspace workspace = new JGitWorkspace(TOKEN, TokenScope.forApi(github.baseUrl(), "--github-url"));

      OperationException e = assertThrows(OperationException.class,
          () -> workspace.cloneShallow(github.baseUrl() + "/git/acme/lib.git", "main", dir.resolve("clone")));

      assertTrue(github.heardCredentials(), "the GitHub in use gets the token: " + github.heard());
      assertFalse(evil.heard().isEmpty(), "JGit followed the redirect");
      assertFalse(evil.heardCredentials(), "but sent the other host no credentials: " + evil.heard());
      assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
    }
  }

  /** The branches of a sandbox repository and their commits, as the git command line lists them. */
  private static String branches(GitHubSandbox gh, String fullName) {
    return Git.run(gh.gitDir(fullName), "for-each-ref", "--format=%(refname) %(objectname)", "refs/heads");
  }

  /** {@code fullName} on the sandbox holding the template's v1.0.0 project (in {@code seed/}). */
  private void seed(GitHubSandbox gh, Path tpl, String fullName) {
    gh.createRepo(fullName, "main", false);
    Cli.Run made = Cli.run(dir, "new", tpl.toString(), "seed", "--version", "v1.0.0", "--defaults",
        "--non-interactive", "--no-github");
    assertEquals(0, made.exit(), made.err());
    String url = gh.cloneUrl(fullName).replace("://", "://x-access-token:" + TOKEN + "@");
    Git.run(dir.resolve("seed"), "push", "-q", url, "main");
  }

  @Test
  void aSecretsValueAndAnAppKeyNeverReachDiskOrMessages() throws Exception {
    String sealedValue = "actions-secret-" + TOKEN.substring(4, 12);
    FileTree.write(dir.resolve("sec-tpl"), Map.of(
        "scaffold.yml", GH_TEMPLATE + "  secrets: {DEPLOY: {env: DEPLOY_VALUE}}\n",
        "template/README.md.ftl", "# ${name}\n"));
    try (GitHubSandbox gh = GitHubSandbox.builder().token(TOKEN, "octo").org("acme").start()) {
      Cli.Run r = Cli.run(dir, env("DEPLOY_VALUE", sealedValue), "new", "sec-tpl", "out", "--defaults",
          "--non-interactive", "--github-url", gh.baseUrl());
      assertEquals(0, r.exit(), r.err());
      assertEquals(sealedValue, gh.repo(gh.repos().get(0).fullName()).orElseThrow().secrets().get("DEPLOY"));
      assertFalse(r.out().contains(sealedValue) || r.err().contains(sealedValue));
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          assertFalse(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1)
              .contains(sealedValue), "the secret is in " + dir.relativize(f));
        }
      }
      assertTokenNowhere(r);
      String config = Files.readString(dir.resolve("out/.git/config"));
      assertTrue(config.contains("repository = " + gh.repos().get(0).fullName()), config);

      // a broken App key: the error names the variable, never the key's text
      String key = "-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAK" + TOKEN + "\n-----END RSA PRIVATE KEY-----\n";
      Cli.Run app = Cli.run(dir, env("SCAFFOLD_GITHUB_APP_ID", "77", "SCAFFOLD_GITHUB_APP_PRIVATE_KEY", key), "new",
          "sec-tpl", "out2", "--defaults", "--non-interactive", "--github-url", gh.baseUrl());
      assertEquals(2, app.exit(), app.err());
      assertTrue(app.err().contains("the GitHub App private key is not an RSA key in PEM form"), app.err());
      assertFalse(app.err().contains("MIIBOgIBAAJBAK"), app.err());
      assertFalse(Files.exists(dir.resolve("out2")));
      assertTokenNowhere(app);
    }
  }
}
