package dev.scaffold.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.sandbox.GitHubSandbox;
import dev.scaffold.testing.Cli;
import dev.scaffold.testing.FileTree;
import dev.scaffold.testing.Git;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No commit or push scaffold makes runs a git hook: not the repository's {@code .git/hooks}, not a
 * {@code core.hooksPath} of the repository or of the user's global config; on {@code new},
 * {@code update --commit}, GitHub provisioning and fleet updates.
 */
class GitHooksTest {

  static final String TOKEN = "ghp_hooksTestToken0123456789abcdef";

  @TempDir Path dir;
  HookTraps traps;

  @BeforeEach
  void setUp() throws Exception {
    traps = new HookTraps(dir.resolve("fired"));
    FileTree.write(dir.resolve("tpl"), Map.of(
        "scaffold.yml", "name: demo\nquestions:\n  - name: name\n    default: demo\n",
        "template/README.md.ftl", "# ${name}\n"));
  }

  /** A user's repository with one commit of their own. */
  private Path userRepo(String name) throws Exception {
    Path repo = dir.resolve(name);
    Files.createDirectories(repo);
    Git.run(repo, "init", "-q", "-b", "main");
    Files.writeString(repo.resolve("NOTES.md"), "mine\n");
    Git.run(repo, "add", "-A");
    Git.run(repo, "commit", "-q", "-m", "user's commit");
    return repo;
  }

  private static int commits(Path repo) {
    return Integer.parseInt(Git.run(repo, "rev-list", "--count", "HEAD"));
  }

  @Test
  void newForceIntoARepositoryWithHooksCommitsWithoutRunningThem() throws Exception {
    Path out = userRepo("out");
    traps.plant(out.resolve(".git/hooks"));

    Cli.Run r = Cli.run(dir, "new", "tpl", "out", "--force", "--defaults", "--non-interactive", "--no-github");

    assertEquals(0, r.exit(), r.err());
    assertEquals(2, commits(out), "scaffold committed on top of the user's commit");
    traps.assertNoneFired();
    traps.assertLive(out);
  }

  @Test
  void newForceIgnoresTheRepositorysCoreHooksPath() throws Exception {
    Path out = userRepo("out");
    Path hooks = traps.plant(dir.resolve("elsewhere-hooks"));
    Git.run(out, "config", "core.hooksPath", hooks.toString());

    Cli.Run r = Cli.run(dir, "new", "tpl", "out", "--force", "--defaults", "--non-interactive", "--no-github");

    assertEquals(0, r.exit(), r.err());
    assertEquals(2, commits(out));
    traps.assertNoneFired();
    traps.assertLive(out);
  }

  @Test
  void aFreshProjectIgnoresTheUsersGlobalCoreHooksPath() throws Exception {
    Path hooks = traps.plant(dir.resolve("global-hooks"));
    Path global = Files.writeString(dir.resolve("gitconfig"), "[core]\n\thooksPath = " + hooks + "\n");
    try (HookTraps.UserConfig ignored = new HookTraps.UserConfig(global)) {
      Cli.Run r = Cli.run(dir, "new", "tpl", "out", "--defaults", "--non-interactive", "--no-github");

      assertEquals(0, r.exit(), r.err());
      assertEquals(1, commits(dir.resolve("out")));
      traps.assertNoneFired();
      traps.assertLive(dir.resolve("out"));
    }
  }

  @Test
  void updateCommitRunsNoHooks() throws Exception {
    Path tpl = gitTemplate(dir.resolve("tpl-repo"));
    Cli.Run made = Cli.run(dir, "new", tpl.toString(), "out", "--version", "v1.0.0", "--defaults", "--non-interactive",
        "--no-github");
    assertEquals(0, made.exit(), made.err());
    Path out = dir.resolve("out");
    traps.plant(out.resolve(".git/hooks"));

    Cli.Run r = Cli.run(dir, "update", "out", "--commit", "--defaults", "--non-interactive");

    assertEquals(0, r.exit(), r.out() + r.err());
    assertEquals("scaffold/update-v2.0.0", Git.run(out, "branch", "--show-current"));
    assertEquals(2, commits(out));
    traps.assertNoneFired();
    traps.assertLive(out);
  }

  @Test
  void provisioningCommitsAndPushesWithoutHooks() throws Exception {
    FileTree.write(dir.resolve("gh-tpl"), Map.of(
        "scaffold.yml", "name: demo\nquestions:\n  - name: name\n    default: demo\ngithub:\n  owner: acme\n  name: ${name}\n",
        "template/README.md.ftl", "# ${name}\n"));
    Path hooks = traps.plant(dir.resolve("global-hooks"));
    Path global = Files.writeString(dir.resolve("gitconfig"), "[core]\n\thooksPath = " + hooks + "\n");
    try (GitHubSandbox gh = GitHubSandbox.builder().token(TOKEN, "octo").org("acme").start();
        HookTraps.UserConfig ignored = new HookTraps.UserConfig(global)) {
      Cli.Run r = Cli.run(dir, Map.of("GITHUB_TOKEN", TOKEN), "new", "gh-tpl", "out", "--defaults",
          "--non-interactive", "--github-url", gh.baseUrl());

      assertEquals(0, r.exit(), r.err());
      assertEquals(1, gh.repo("acme/demo").orElseThrow().pulls().size(), "pushed and opened the pull request");
      traps.assertNoneFired();
      traps.assertLive(dir.resolve("out"));
    }
  }

  @Test
  void aFleetUpdateClonesCommitsAndPushesWithoutHooks() throws Exception {
    Path tpl = gitTemplate(dir.resolve("tpl-repo"));
    Path hooks = traps.plant(dir.resolve("global-hooks"));
    Path global = Files.writeString(dir.resolve("gitconfig"), "[core]\n\thooksPath = " + hooks + "\n");
    try (GitHubSandbox gh = GitHubSandbox.builder().token(TOKEN, "octo").org("acme").start()) {
      seed(gh, tpl, "acme/lib");
      try (HookTraps.UserConfig ignored = new HookTraps.UserConfig(global)) {
        Cli.Run r = Cli.run(dir, Map.of("GITHUB_TOKEN", TOKEN), "update", "--repo", "acme/lib", "--defaults",
            "--non-interactive", "--github-url", gh.baseUrl());

        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("opened"), r.out());
        assertEquals(1, gh.repo("acme/lib").orElseThrow().pulls().size());
        traps.assertNoneFired();
        traps.assertLive(dir.resolve("seed"));
      }
    }
  }

  @Test
  void updatePrInACheckoutWithHooksCommitsAndPushesWithoutThem() throws Exception {
    Path tpl = gitTemplate(dir.resolve("tpl-repo"));
    try (GitHubSandbox gh = GitHubSandbox.builder().token(TOKEN, "octo").org("acme").start()) {
      seed(gh, tpl, "acme/solo");
      Path checkout = dir.resolve("seed");
      Git.run(checkout, "remote", "add", "origin", gh.cloneUrl("acme/solo"));
      traps.plant(checkout.resolve(".git/hooks"));

      Cli.Run r = Cli.run(dir, Map.of("GITHUB_TOKEN", TOKEN), "update", "seed", "--pr", "--defaults",
          "--non-interactive", "--github-url", gh.baseUrl());

      assertEquals(0, r.exit(), r.out() + r.err());
      assertEquals(1, gh.repo("acme/solo").orElseThrow().pulls().size(), "committed, pushed, opened");
      traps.assertNoneFired();
      traps.assertLive(checkout);
    }
  }

  /** A template repository tagged v1.0.0 and v2.0.0 (v2 changes the README), made with the git command line. */
  static Path gitTemplate(Path repo) throws Exception {
    FileTree.write(repo, Map.of(
        "scaffold.yml", "name: demo\nquestions:\n  - name: name\n    default: demo\n",
        "template/README.md.ftl", "# ${name}\n\nversion one\n"));
    Git.run(repo, "init", "-q", "-b", "main");
    Git.run(repo, "add", "-A");
    Git.run(repo, "commit", "-q", "-m", "v1");
    Git.run(repo, "tag", "v1.0.0");
    Files.writeString(repo.resolve("template/README.md.ftl"), "# ${name}\n\nversion two\n");
    Git.run(repo, "commit", "-q", "-am", "v2");
    Git.run(repo, "tag", "v2.0.0");
    return repo;
  }

  /** {@code fullName} on the sandbox holding the template's v1.0.0 project, pushed by the git command line. */
  private void seed(GitHubSandbox gh, Path tpl, String fullName) throws Exception {
    gh.createRepo(fullName, "main", false);
    Cli.Run made = Cli.run(dir, "new", tpl.toString(), "seed", "--version", "v1.0.0", "--defaults",
        "--non-interactive", "--no-github");
    assertEquals(0, made.exit(), made.err());
    String url = gh.cloneUrl(fullName).replace("://", "://x-access-token:" + TOKEN + "@");
    Git.run(dir.resolve("seed"), "push", "-q", url, "main");
  }
}
