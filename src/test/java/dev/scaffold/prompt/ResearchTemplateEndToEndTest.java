package dev.scaffold.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scaffold.Progress;
import dev.scaffold.TokenScope;
import dev.scaffold.answers.AnswerInputs;
import dev.scaffold.github.GitHubRepoHost;
import dev.scaffold.jgit.JGitClient;
import dev.scaffold.jgit.JGitPusher;
import dev.scaffold.jgit.JGitTemplateFetcher;
import dev.scaffold.project.NewRequest;
import dev.scaffold.project.ProjectGenerator;
import dev.scaffold.publish.Provisioner;
import dev.scaffold.publish.RetryPolicy;
import dev.scaffold.sandbox.GitHubSandbox;
import dev.scaffold.sandbox.PullSnapshot;
import dev.scaffold.sandbox.RepoSnapshot;
import dev.scaffold.template.BundledTemplates;
import dev.scaffold.template.TemplateResolver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled python-package template as a researcher uses it: questions answered with
 * keystrokes on a JLine terminal, the derived names on the confirmation screen, a stand-in
 * {@code uv} on PATH that writes the lock, and the repository provisioned on the loopback GitHub
 * with both teams, protection and the first pull request.
 */
class ResearchTemplateEndToEndTest {

  static final String TOKEN = "ghp_researchTemplateToken0123456789";
  /** Where the confirmation screen and the pull request are written for people to read. */
  static final Path REPORT = Path.of("target", "research-template");

  @TempDir Path dir;
  GitHubSandbox gh;
  Path bin;
  Path standInLog;

  @BeforeEach
  void start() throws IOException {
    gh = GitHubSandbox.builder().token(TOKEN, "octo").org("acme", "mlops", "research-shared").start();
    bin = Files.createDirectories(dir.resolve("bin"));
    standInLog = dir.resolve("uv-calls.log");
    // uv cannot be installed here: this stands in for `uv lock`, writing a lock as it would
    Path uv = bin.resolve("uv");
    Files.writeString(uv, """
        #!/bin/sh
        echo "uv $* in $(basename "$PWD")" >> "$STAND_IN_LOG"
        [ "$1" = lock ] || exit 3
        [ -z "${STAND_IN_FAILS:-}" ] || { echo "error: no network" >&2; exit 2; }
        [ -f pyproject.toml ] || exit 4
        printf 'version = 1\\nrequires-python = ">=%s"\\n\\n[[package]]\\nname = "%s"\\n' \\
          "$(cat .python-version)" "$(sed -n 's/^name = "\\(.*\\)"/\\1/p' pyproject.toml)" > uv.lock
        """);
    Files.setPosixFilePermissions(uv, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @AfterEach
  void stop() {
    gh.close();
  }

  private Map<String, String> env(boolean withUv) {
    Map<String, String> env = new HashMap<>();
    env.put("GITHUB_TOKEN", TOKEN);
    env.put("PATH", (withUv ? bin + ":" : "") + System.getenv("PATH"));
    env.put("STAND_IN_LOG", standInLog.toString());
    env.put("HOME", dir.toString());
    return env;
  }

  /** What the run's tasks printed. */
  final List<String> taskOutput = new ArrayList<>();

  private void generate(PromptTerminal terminal, Path dest, Map<String, String> env) {
    Progress progress = new Progress() {
      @Override
      public void output(String line) {
        taskOutput.add(line);
      }
    };
    TemplateResolver resolver = new TemplateResolver(new BundledTemplates(List.of()), new JGitTemplateFetcher(), dir, Progress.NONE);
    TokenScope scope = TokenScope.forApi(gh.baseUrl(), "--github-url");
    Provisioner provisioner = new Provisioner(Provisioner.tokenFrom(env), scope,
        token -> GitHubRepoHost.connect(scope.apiUrl(), token), new JGitPusher(scope), RetryPolicy.standard(), Progress.NONE);
    NewRequest request = new NewRequest("python-package", dest, null, false,
        new AnswerInputs(Map.of(), Map.of(), null, Map.of()), terminal.prompter(false), false, false, false, false, false);
    new ProjectGenerator(resolver, new JGitClient(), provisioner, progress, dir, env).generate(request);
  }

  /** The keystrokes for every question, in the order the template asks them. */
  static String keys(String projectName, String tool, String repoPrefix, String distPrefix, boolean image,
      boolean github, String adminTeam, String secondTeam) {
    StringBuilder k = new StringBuilder();
    k.append(projectName).append("\r\r").append("Ada Lovelace\r").append("ada@example.com\r");
    k.append(tool).append("\r");
    if (tool.equals("conda")) {
      k.append("\r"); // channel
    }
    k.append("\r"); // python version
    k.append(repoPrefix).append("\r").append(distPrefix).append("\r");
    k.append(image ? "y\r\r" : "n\r"); // the registry is asked only for an image
    k.append(github ? "y\r" : "n\r");
    if (github) {
      k.append("\r"); // organisation: acme
      k.append(adminTeam).append("\r").append(secondTeam).append("\r");
      if (!secondTeam.isEmpty()) {
        k.append("\r"); // its level: triage
      }
      k.append("\r"); // visibility: private
    }
    return k.append("\r").toString(); // go ahead
  }

  static Map<String, String> tree(Repository repo, String rev) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (RevWalk walk = new RevWalk(repo); TreeWalk tw = new TreeWalk(repo)) {
      tw.addTree(walk.parseCommit(repo.resolve(rev)).getTree());
      tw.setRecursive(true);
      while (tw.next()) {
        out.put(tw.getPathString(), new String(repo.open(tw.getObjectId(0)).getBytes(), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  /** The confirmation block: from its title to the question that closes it. */
  static String confirmation(String screen) {
    int to = screen.indexOf("? Go ahead?");
    int from = screen.lastIndexOf("\nCreate /", to) + 1;
    assertTrue(from > 0 && to > from, screen);
    return screen.substring(from, to + "? Go ahead? (Y/n)".length());
  }

  @Test
  void aResearcherGetsTheRepositoryBothTeamsTheLockAndTheFirstPullRequest() throws IOException {
    Path dest = dir.resolve("rnd-template-test");
    PromptTerminal t = PromptTerminal.dumb(keys("template_test", "uv", "rnd-", "acme-", true, true, "mlops", "research-shared"));
    generate(t, dest, env(true));

    String screen = t.raw();
    // create_github_repo comes before the questions only GitHub needs
    int create = screen.indexOf("Create the repository on GitHub");
    for (String q : List.of("GitHub organisation", "Team with admin rights", "A second team", "Access level of the second team",
        "Repository visibility")) {
      assertTrue(screen.indexOf(q) > create && create > 0, q + " after create_github_repo:\n" + screen);
    }
    String confirmation = confirmation(screen);
    for (String line : List.of(
        "  • Repository: acme/rnd-template-test",
        "  • Distribution: acme-rnd-template-test",
        "  • Import package: template_test",
        "  • Container image: ghcr.io/acme/rnd-template-test",
        "  • run sh scripts/lock.sh",
        "  • git init and commit on main",
        "grant team acme/mlops admin",
        "grant team acme/research-shared triage")) {
      assertTrue(confirmation.contains(line), line + " in:\n" + confirmation);
    }

    // the stand-in ran once, in the staging folder, before the first commit
    assertEquals(1, Files.readAllLines(standInLog).size(), Files.readString(standInLog));
    assertTrue(Files.readString(standInLog).startsWith("uv lock"), Files.readString(standInLog));

    RepoSnapshot repo = gh.repo("acme/rnd-template-test").orElseThrow();
    assertEquals(Map.of("mlops", "admin", "research-shared", "triage"), repo.teams());
    assertEquals(2, gh.count("PUT", "/orgs/acme/teams/.*"), "one grant per team");
    assertEquals("private", repo.visibility());
    JsonNode rule = repo.protections().get("main");
    assertEquals("[\"test\",\"version\"]", rule.path("required_status_checks").path("contexts").toString());
    assertTrue(rule.path("required_pull_request_reviews").path("require_code_owner_reviews").asBoolean());
    assertTrue(rule.path("required_linear_history").path("enabled").asBoolean());

    assertEquals(1, repo.pulls().size());
    PullSnapshot pr = repo.pulls().get(0);
    assertEquals("feat: initial project from python-package 0.1.0", pr.title());
    try (Repository bare = new FileRepositoryBuilder().setGitDir(repo.gitDir().toFile()).build()) {
      Map<String, String> base = tree(bare, "refs/heads/main");
      Map<String, String> head = tree(bare, "refs/heads/" + pr.head());
      // the base commit holds what GitHub reads from the default branch: CODEOWNERS gates the first PR
      assertEquals(List.of(".github/CODEOWNERS", ".scaffold-answers.yml"), List.copyOf(base.keySet()));
      String lock = head.get("uv.lock");
      assertEquals("version = 1\nrequires-python = \">=3.12\"\n\n[[package]]\nname = \"acme-rnd-template-test\"\n", lock);
      assertTrue(head.containsKey("Dockerfile") && head.containsKey(".dockerignore"), head.keySet().toString());
      assertEquals("# Owners are asked to review every pull request (see the branch protection of main).\n* @acme/mlops\n",
          head.get(".github/CODEOWNERS"));
      List<String> files = new ArrayList<>(head.keySet());
      files.removeAll(base.keySet());
      writeReport(confirmation, pr, head.keySet());
    }
    // locally: the first commit holds the lock too
    try (Repository local = new FileRepositoryBuilder().setGitDir(dest.resolve(".git").toFile()).build()) {
      assertTrue(tree(local, "HEAD").containsKey("uv.lock"));
      try (RevWalk walk = new RevWalk(local)) {
        RevCommit head = walk.parseCommit(local.resolve("HEAD"));
        assertEquals("Initial project from python-package 0.1.0", head.getShortMessage());
      }
    }
    assertFalse(t.raw().contains(TOKEN));
  }

  @Test
  void emptyTeamAnswersGrantNothingAndWithoutTheLockToolTheProjectIsMadeAllTheSame() throws IOException {
    Path dest = dir.resolve("solo");
    PromptTerminal t = PromptTerminal.dumb(keys("solo", "conda", "", "", false, true, "", ""));
    generate(t, dest, env(false));

    String screen = t.raw();
    assertFalse(screen.contains("Access level of the second team"), "no level without a second team:\n" + screen);
    String confirmation = confirmation(screen);
    assertFalse(confirmation.contains("grant team"), confirmation);
    assertFalse(confirmation.contains("Container image"), "an entry that renders empty is left out:\n" + confirmation);
    assertTrue(confirmation.contains("  • Repository: acme/solo"), confirmation);

    RepoSnapshot repo = gh.repo("acme/solo").orElseThrow();
    assertEquals(Map.of(), repo.teams());
    assertEquals(0, gh.count("PUT", "/orgs/acme/teams/.*"));
    assertFalse(Files.exists(standInLog), "uv is not asked for a conda project");
    assertFalse(Files.exists(dest.resolve("conda-linux-64.lock")));
    assertTrue(String.join("\n", taskOutput).startsWith("next step: conda-lock is not on PATH, so conda-linux-64.lock was not made"),
        taskOutput.toString());
    assertTrue(Files.isRegularFile(dest.resolve("environment.yml")));
    assertFalse(Files.exists(dest.resolve("Dockerfile")));
    try (Repository bare = new FileRepositoryBuilder().setGitDir(repo.gitDir().toFile()).build()) {
      Map<String, String> head = tree(bare, "refs/heads/scaffold/initial");
      assertTrue(head.get(".github/workflows/ci.yml").contains("conda-lock lock --kind explicit --platform linux-64"));
      assertTrue(head.get(".github/CODEOWNERS").contains("No owning team was named"), head.get(".github/CODEOWNERS"));
    }
  }

  @Test
  void withoutGitHubNoGitHubQuestionIsAsked() throws IOException {
    Path dest = dir.resolve("local-only");
    PromptTerminal t = PromptTerminal.dumb(keys("local_only", "uv", "rnd", "", false, false, "", ""));
    generate(t, dest, env(true));

    String screen = t.raw();
    for (String q : List.of("GitHub organisation", "Team with admin rights", "A second team", "Repository visibility",
        "Container registry")) {
      assertFalse(screen.contains(q), q + " was asked:\n" + screen);
    }
    assertTrue(confirmation(screen).contains("  • Repository: acme/rnd-local-only"), "a '-' joins a prefix without one");
    assertTrue(gh.repos().isEmpty());
    assertTrue(Files.isRegularFile(dest.resolve("uv.lock")));
  }

  @Test
  void aLockThatFailsIsReportedAndTheProjectIsMadeAllTheSame() throws IOException {
    Path dest = dir.resolve("offline");
    Map<String, String> env = env(true);
    env.put("STAND_IN_FAILS", "1");
    PromptTerminal t = PromptTerminal.dumb(keys("offline", "uv", "", "", false, false, "", ""));
    generate(t, dest, env);

    assertTrue(Files.readString(standInLog).startsWith("uv lock"), "uv was asked to lock");
    assertEquals(List.of("error: no network", "next step: 'uv lock' failed; run it again and commit uv.lock"), taskOutput);
    assertFalse(Files.exists(dest.resolve("uv.lock")));
    try (Repository local = new FileRepositoryBuilder().setGitDir(dest.resolve(".git").toFile()).build()) {
      Map<String, String> first = tree(local, "HEAD");
      assertTrue(first.containsKey("pyproject.toml") && first.containsKey("scripts/lock.sh"), first.keySet().toString());
    }
  }

  private static void writeReport(String confirmation, PullSnapshot pr, java.util.Set<String> files) throws IOException {
    Files.createDirectories(REPORT);
    Files.writeString(REPORT.resolve("confirmation.txt"), confirmation + "\n");
    Files.writeString(REPORT.resolve("pull-request.md"), "title: " + pr.title() + "\nhead: " + pr.head() + " -> " + pr.base()
        + "\n\n" + pr.body() + "\n\nfiles:\n" + String.join("\n", files) + "\n");
  }
}
