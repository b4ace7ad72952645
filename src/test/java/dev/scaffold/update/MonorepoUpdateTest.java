package dev.scaffold.update;

import static dev.scaffold.update.TemplateFixture.cli;
import static dev.scaffold.update.TemplateFixture.git;
import static dev.scaffold.update.TemplateFixture.read;
import static dev.scaffold.update.TemplateFixture.version;
import static dev.scaffold.update.TemplateFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.testing.TreeSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A monorepo: {@code .git} at the top, two projects of one template in {@code services/api} and
 * {@code services/billing}, and a second template (answers in {@code .scaffold/ci.yml}) layered
 * on billing. Real JGit, checked with the git command line.
 */
class MonorepoUpdateTest {

  @TempDir Path tmp;
  Path app;
  Path ci;
  Path mono;
  Path billing;
  Path api;

  static Map<String, String> app(String v) {
    Map<String, String> t = new LinkedHashMap<>();
    t.put("scaffold.yml", "name: app\nquestions:\n  - name: project_name\n    default: demo\n");
    t.put("template/README.md.ftl", "# ${project_name}\n\nintro\n\nbuilt with app " + v + "\n\nfooter\n");
    t.put("template/config.txt", "level=" + v + "\n");
    if (!v.equals("1")) {
      t.put("template/docs/CHANGELOG.md", "new in " + v + "\n");
    }
    return t;
  }

  static Map<String, String> ci(String v) {
    Map<String, String> t = new LinkedHashMap<>();
    t.put("scaffold.yml", "name: ci\nanswers_file: .scaffold/ci.yml\nquestions:\n  - name: runner\n    default: ubuntu\n");
    t.put("template/.github/workflows/ci.yml.ftl", "runs-on: ${runner}\n# ci " + v + "\n");
    return t;
  }

  @BeforeEach
  void monorepo() throws Exception {
    app = tmp.resolve("tpl-app");
    ci = tmp.resolve("tpl-ci");
    version(app, "v1.0.0", false, app("1"));
    version(app, "v2.0.0", false, app("2"));
    version(ci, "v1.0.0", false, ci("1"));
    version(ci, "v2.0.0", false, ci("2"));
    mono = tmp.resolve("mono");
    Files.createDirectories(mono);
    git(mono, "init", "-q", "-b", "main");
    // a top-level file of the same name as a project file: the ids of one must not stand for the other
    write(mono.resolve("README.md"), "# the monorepo\n");
    write(mono.resolve("other/notes.txt"), "notes\n");
    billing = mono.resolve("services/billing");
    api = mono.resolve("services/api");
    make(app, billing, "--set", "project_name=billing");
    make(app, api, "--set", "project_name=api");
    make(ci, billing, "--force");
    commit("projects");
  }

  private void make(Path template, Path dest, String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("new", template.toString(), dest.toString(), "--version",
        "v1.0.0", "--non-interactive", "--defaults", "--no-git", "--no-github"));
    args.addAll(Arrays.asList(extra));
    var r = cli(tmp, args.toArray(String[]::new));
    assertEquals(0, r.code(), r.out() + r.err());
  }

  private void commit(String message) throws Exception {
    git(mono, "add", "-A");
    git(mono, "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false", "commit", "-q", "-m", message);
  }

  private static com.fasterxml.jackson.databind.JsonNode json(String text) throws Exception {
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
  }

  private static List<String> statLines(String stat) {
    return stat.lines().filter(l -> l.contains("|")).map(l -> l.substring(0, l.indexOf('|')).strip()).sorted().toList();
  }

  @Test
  void newWritesTheLayeredTemplatesAnswersWhereItsAnswersFileSays() throws Exception {
    String recorded = read(billing.resolve(".scaffold/ci.yml"));
    assertTrue(recorded.contains("_answers_file: .scaffold/ci.yml"), recorded);
    assertTrue(recorded.contains("runner: ubuntu"), recorded);
    assertFalse(read(billing.resolve(".scaffold-answers.yml")).contains("_answers_file"));
    assertFalse(Files.exists(mono.resolve("services/billing/.git")), "no nested repository");
  }

  @Test
  void updateFromTheSubFolderCommitsOnlyThatFolderAndLeavesOutsideChangesAlone() throws Exception {
    write(billing.resolve("README.md"), read(billing.resolve("README.md")).replace("intro", "intro, edited"));
    commit("user edit");
    // dirty outside the project: one modified file, one staged new file; neither refused nor committed
    write(mono.resolve("other/notes.txt"), "notes, unsaved\n");
    write(mono.resolve("staged.txt"), "staged\n");
    git(mono, "add", "staged.txt");

    var r = cli(billing, "update", "--commit", "--non-interactive");
    assertEquals(0, r.code(), r.out() + r.err());

    assertEquals("# billing\n\nintro, edited\n\nbuilt with app 2\n\nfooter\n", read(billing.resolve("README.md")));
    assertEquals("level=2\n", read(billing.resolve("config.txt")));
    assertEquals("# the monorepo\n", read(mono.resolve("README.md")));
    assertEquals("level=1\n", read(api.resolve("config.txt")));
    assertEquals("scaffold/update-v2.0.0", git(mono, "rev-parse", "--abbrev-ref", "HEAD").strip());
    assertEquals(List.of("services/billing/.scaffold-answers.yml", "services/billing/README.md",
        "services/billing/config.txt", "services/billing/docs/CHANGELOG.md"),
        statLines(git(mono, "show", "--stat", "--format=", "HEAD")));
    assertEquals(" M other/notes.txt\nA  staged.txt\n", git(mono, "status", "--porcelain"));
    // the layered template's files and answers were not its business
    assertTrue(read(billing.resolve(".github/workflows/ci.yml")).contains("# ci 1"));
  }

  @Test
  void projectArgumentWorksFromTheRepositoryRootAndTheDirtyCheckLooksOnlyInside() throws Exception {
    write(billing.resolve("config.txt"), "level=mine\n");
    TreeSnapshot before = TreeSnapshot.of(mono, p -> !p.startsWith(".git"));
    var r = cli(mono, "update", "services/billing", "--non-interactive");
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("1 uncommitted change"), r.err());
    assertTrue(r.err().contains("config.txt"), r.err());
    assertEquals(before, TreeSnapshot.of(mono, p -> !p.startsWith(".git")));

    // a change elsewhere does not stop the api project
    var a = cli(mono, "update", "services/api", "--non-interactive");
    assertEquals(0, a.code(), a.out() + a.err());
    assertEquals("level=2\n", read(api.resolve("config.txt")));
  }

  @Test
  void layeredTemplateUpdatesOnlyItsOwnFiles() throws Exception {
    var r = cli(mono, "update", "services/billing", "--answers-file", ".scaffold/ci.yml", "--commit",
        "--non-interactive");
    assertEquals(0, r.code(), r.out() + r.err());
    assertEquals("runs-on: ubuntu\n# ci 2\n", read(billing.resolve(".github/workflows/ci.yml")));
    assertEquals(List.of("services/billing/.github/workflows/ci.yml", "services/billing/.scaffold/ci.yml"),
        statLines(git(mono, "show", "--stat", "--format=", "HEAD")));
    assertTrue(read(billing.resolve(".scaffold/ci.yml")).contains("_version: v2.0.0"));
    assertTrue(read(billing.resolve(".scaffold-answers.yml")).contains("_version: v1.0.0"));
    assertEquals("", git(mono, "status", "--porcelain"));
  }

  @Test
  void checkAndDiffWorkInTheSubFolder() throws Exception {
    var c = cli(billing, "check", "--answers-file", ".scaffold/ci.yml", "--json");
    assertEquals(3, c.code(), c.err());
    assertEquals("v2.0.0", json(c.out()).get("newest").asText());
    write(billing.resolve("config.txt"), "level=drifted\n");
    var d = cli(mono, "diff", "services/billing", "--json");
    assertEquals(0, d.code(), d.err());
    var drift = json(d.out());
    assertEquals("[\"config.txt\"]", drift.get("changed").toString());
    // the other template's file is the project's own addition; no answers file and nothing outside is
    assertEquals("[\".github/workflows/ci.yml\"]", drift.get("added").toString());
    var all = cli(mono, "check", "--all");
    assertEquals(3, all.code(), all.err());
    assertEquals(3, all.out().lines().filter(l -> l.contains("update available v1.0.0 → v2.0.0")).count(), all.out());
  }

  @Test
  void updateAllMakesOneCommitForEveryProjectAndNothingElse() throws Exception {
    write(mono.resolve("other/notes.txt"), "notes, unsaved\n");
    var r = cli(mono, "update", "--all", "--commit", "--non-interactive", "--json");
    assertEquals(0, r.code(), r.out() + r.err());
    var projects = json(r.out()).get("projects");
    assertEquals(3, projects.size(), r.out());
    assertEquals("services/billing/.scaffold/ci.yml", projects.get(2).get("answers_file").asText());
    assertEquals(json(r.out()).get("commit").asText(), git(mono, "rev-parse", "HEAD").strip());
    assertEquals(List.of("services/api/.scaffold-answers.yml", "services/api/README.md", "services/api/config.txt",
            "services/api/docs/CHANGELOG.md", "services/billing/.github/workflows/ci.yml",
            "services/billing/.scaffold-answers.yml", "services/billing/.scaffold/ci.yml", "services/billing/README.md",
            "services/billing/config.txt", "services/billing/docs/CHANGELOG.md"),
        statLines(git(mono, "show", "--stat", "--format=", "HEAD")));
    assertEquals(" M other/notes.txt\n", git(mono, "status", "--porcelain"));
    String message = git(mono, "log", "-1", "--format=%B");
    assertEquals(3, message.lines().filter(l -> l.equals("Scaffold-Update: v1.0.0 -> v2.0.0")).count(), message);
    assertTrue(git(mono, "rev-parse", "--abbrev-ref", "HEAD").startsWith("scaffold/update-all-"));
  }

  @Test
  void aFailureInOneProjectOfUpdateAllLeavesEveryProjectAsItWas() throws Exception {
    // sorted last, after both others were updated; its recorded version no longer exists
    Path broken = mono.resolve("services/zeta");
    make(app, broken, "--set", "project_name=zeta");
    Path answers = broken.resolve(".scaffold-answers.yml");
    // neither the tag nor the commit it recorded exists (a recorded commit alone would be merged from)
    Files.writeString(answers, read(answers).replace("_version: v1.0.0", "_version: v0.9.0")
        .replaceAll("(?m)^_commit: .*$", "_commit: " + "0".repeat(40)));
    commit("zeta");
    TreeSnapshot before = TreeSnapshot.of(mono, p -> !p.equals(".git") && !p.startsWith(".git/"));
    String head = git(mono, "rev-parse", "HEAD");

    var r = cli(mono, "update", "--all", "--commit", "--non-interactive");
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("services/zeta/.scaffold-answers.yml"), r.err());
    assertTrue(r.err().contains("no project was changed"), r.err());
    assertEquals(before, TreeSnapshot.of(mono, p -> !p.equals(".git") && !p.startsWith(".git/")));
    assertEquals("", git(mono, "status", "--porcelain"));
    assertEquals(head, git(mono, "rev-parse", "HEAD"));
    assertFalse(Files.exists(api.resolve("docs")), "a file the undone update added is gone, and its folder");
    assertEquals("main", git(mono, "rev-parse", "--abbrev-ref", "HEAD").strip());
  }

  @Test
  void updateAllDryRunPlansEveryProjectAndWritesNothing() throws Exception {
    TreeSnapshot before = TreeSnapshot.of(mono, p -> !p.equals(".git") && !p.startsWith(".git/"));
    var r = cli(mono, "update", "--all", "--dry-run", "--non-interactive");
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("3 projects: 3 would be updated, 0 already up to date."), r.out());
    assertEquals(before, TreeSnapshot.of(mono, p -> !p.equals(".git") && !p.startsWith(".git/")));
  }

  @Test
  void aSubFolderThatIsASymbolicLinkIsRefused() throws Exception {
    Path elsewhere = tmp.resolve("elsewhere");
    make(app, elsewhere, "--set", "project_name=x");
    Files.createSymbolicLink(mono.resolve("services/linked"), elsewhere);
    TreeSnapshot before = TreeSnapshot.of(elsewhere);
    var r = cli(mono, "update", "services/linked", "--non-interactive");
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("services/linked is a symbolic link"), r.err());
    assertEquals(before, TreeSnapshot.of(elsewhere));
    // and --all does not follow it
    var all = cli(mono, "update", "--all", "--dry-run", "--non-interactive", "--json");
    assertFalse(all.out().contains("linked"), all.out());
  }

  @Test
  void answersFilesAreFoundOnlyWhereTheyNameThemselves() throws Exception {
    // a YAML file claiming another place, and one in .git, are not answers files
    write(mono.resolve("k8s/deploy.yml"), "_answers_file: .scaffold/ci.yml\n_template: /x\n");
    write(mono.resolve(".git/x/.scaffold-answers.yml"), "_template: /x\n");
    List<String> found = AnswersFinder.below(mono).stream().map(f -> mono.relativize(f.file()).toString()).toList();
    assertEquals(List.of("services/api/.scaffold-answers.yml", "services/billing/.scaffold-answers.yml",
        "services/billing/.scaffold/ci.yml"), found);
    assertEquals(".scaffold-answers.yml", AnswersFinder.locate(billing, null));
    Files.delete(billing.resolve(".scaffold-answers.yml"));
    assertEquals(".scaffold/ci.yml", AnswersFinder.locate(billing, null));
  }

  @Test
  void hostileAnswersFilePathsAreRefused() throws Exception {
    for (String bad : List.of("../escape.yml", "/tmp/abs.yml", ".git/hooks/x.yml", ".GIT./config.yml", "a/../../b.yml",
        "")) {
      Path t = tmp.resolve("bad-" + Math.abs(bad.hashCode()));
      Map<String, String> files = ci("1");
      files.put("scaffold.yml", "name: ci\nanswers_file: '" + bad + "'\n");
      version(t, "v1.0.0", false, files);
      Path dest = tmp.resolve("out-" + Math.abs(bad.hashCode()));
      TreeSnapshot before = TreeSnapshot.of(tmp, p -> !p.contains(".git"));
      var r = cli(tmp, "new", t.toString(), dest.toString(), "--non-interactive", "--defaults", "--no-git");
      assertEquals(2, r.code(), bad + ": " + r.out() + r.err());
      assertTrue(r.err().contains("answers_file"), r.err());
      assertFalse(Files.exists(dest), bad);
      assertEquals(before, TreeSnapshot.of(tmp, p -> !p.contains(".git")));
    }
    var u = cli(mono, "update", "services/billing", "--answers-file", "../api/.scaffold-answers.yml");
    assertEquals(2, u.code(), u.err());
    assertTrue(u.err().contains("--answers-file"), u.err());
    try (Stream<Path> s = Files.list(tmp)) {
      assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".scaffold-staging")));
    }
  }

  @Test
  void aLinkedAnswersFolderIsRefused() throws Exception {
    Path secret = tmp.resolve("secret");
    write(secret.resolve("ci.yml"), read(billing.resolve(".scaffold/ci.yml")));
    dev.scaffold.FileTrees.deleteRecursively(billing.resolve(".scaffold"));
    Files.createSymbolicLink(billing.resolve(".scaffold"), secret);
    commit("link");
    var r = cli(mono, "update", "services/billing", "--answers-file", ".scaffold/ci.yml", "--non-interactive");
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("symbolic link"), r.err());
  }

  /** The monorepo's main pushed to acme/mono on the sandbox, which becomes its origin. */
  private void publishOn(dev.scaffold.sandbox.GitHubSandbox gh) throws Exception {
    gh.createRepo("acme/mono", "main", false);
    try (org.eclipse.jgit.api.Git g = org.eclipse.jgit.api.Git.open(mono.toFile())) {
      g.push().setRemote(gh.cloneUrl("acme/mono"))
          .setRefSpecs(new org.eclipse.jgit.transport.RefSpec("refs/heads/main:refs/heads/main"))
          .setCredentialsProvider(new org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider("x", gh.token()))
          .call();
    }
    git(mono, "remote", "add", "origin", gh.cloneUrl("acme/mono"));
  }

  @Test
  void pullRequestsFromTheSubFolderAndFromUpdateAllHoldOnlyTheProjectsChanges() throws Exception {
    try (dev.scaffold.sandbox.GitHubSandbox gh =
        dev.scaffold.sandbox.GitHubSandbox.builder().token("t0k3n", "octo").org("acme").start()) {
      publishOn(gh);
      write(mono.resolve("other/notes.txt"), "notes, unsaved\n");

      var one = FleetCommandTest.cli(billing, gh, false, Map.of(), "update", "--pr", "--non-interactive");
      assertEquals(0, one.code(), one.out() + one.err());
      String sha = FleetFixture.branches(gh, "acme/mono").get("scaffold/update-v2.0.0");
      Path bare = gh.gitDir("acme/mono");
      assertEquals(List.of("services/billing/.scaffold-answers.yml", "services/billing/README.md",
          "services/billing/config.txt", "services/billing/docs/CHANGELOG.md"),
          statLines(git(bare, "show", "--stat", "--format=", sha)));

      git(mono, "checkout", "-q", "main");
      var all = FleetCommandTest.cli(mono, gh, false, Map.of(), "update", "--all", "--pr", "--non-interactive");
      assertEquals(0, all.code(), all.out() + all.err());
      List<String> branches = FleetFixture.branches(gh, "acme/mono").keySet().stream()
          .filter(b -> b.startsWith("scaffold/update-all-")).toList();
      assertEquals(1, branches.size(), branches.toString());
      String allSha = FleetFixture.branches(gh, "acme/mono").get(branches.get(0));
      assertEquals(10, statLines(git(bare, "show", "--stat", "--format=", allSha)).size());
      assertEquals(2, gh.repo("acme/mono").orElseThrow().pulls().size());
      assertTrue(gh.repo("acme/mono").orElseThrow().pulls().stream()
          .anyMatch(p -> p.title().equals("Update the templates of 3 scaffold projects")));
      assertEquals(" M other/notes.txt\n", git(mono, "status", "--porcelain"));
    }
  }

  @Test
  void aPullRequestOfUpdateAllThatCannotBeOpenedLeavesTheMonorepoAsItWasAndTheNextRunOpensIt() throws Exception {
    try (dev.scaffold.sandbox.GitHubSandbox gh =
        dev.scaffold.sandbox.GitHubSandbox.builder().token("t0k3n", "octo").org("acme").start()) {
      publishOn(gh);
      write(mono.resolve("other/notes.txt"), "notes, unsaved\n");
      String head = git(mono, "rev-parse", "HEAD").strip();
      gh.faults().add(dev.scaffold.sandbox.Fault.status("POST", "^/repos/acme/mono/pulls$", 422));

      var refused = FleetCommandTest.cli(mono, gh, false, Map.of(), "update", "--all", "--pr", "--non-interactive");
      assertEquals(1, refused.code(), refused.out() + refused.err());
      assertTrue(refused.err().contains("main is checked out again"), refused.err());
      assertEquals("main", git(mono, "branch", "--format=%(refname:short)").strip(), "no update branch left");
      assertEquals(head, git(mono, "rev-parse", "HEAD").strip());
      assertEquals(" M other/notes.txt\n", git(mono, "status", "--porcelain"), "the change outside is kept");

      var again = FleetCommandTest.cli(mono, gh, false, Map.of(), "update", "--all", "--pr", "--non-interactive");
      assertEquals(0, again.code(), again.out() + again.err());
      assertEquals(1, gh.repo("acme/mono").orElseThrow().pulls().size());
    }
  }

  @Test
  void updateAllRefusesWhatItCannotUndo() throws Exception {
    Path empty = tmp.resolve("empty");
    Files.createDirectories(empty);
    var none = cli(empty, "update", "--all", "--non-interactive");
    assertEquals(2, none.code(), none.err());
    assertTrue(none.err().contains("holds no scaffold answers file"), none.err());

    var dirtyOk = cli(mono, "update", "--all", "--allow-dirty", "--non-interactive");
    assertEquals(2, dirtyOk.code(), dirtyOk.err());
    assertTrue(dirtyOk.err().contains("--allow-dirty: does not go with --all"), dirtyOk.err());

    // a project with its own repository below the monorepo's folder: two repositories, refused
    TreeSnapshot before = TreeSnapshot.of(mono, p -> !p.equals(".git") && !p.startsWith(".git/"));
    Path own = tmp.resolve("outer");
    Files.createDirectories(own);
    git(own, "init", "-q", "-b", "main");
    make(app, own.resolve("a"), "--set", "project_name=a");
    var inner = cli(tmp, "new", app.toString(), own.resolve("b").toString(), "--version", "v1.0.0", "--non-interactive",
        "--defaults", "--no-github", "--set", "project_name=b");
    assertEquals(0, inner.code(), inner.err());
    git(own, "add", "a");
    git(own, "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "a");
    TreeSnapshot outer = TreeSnapshot.of(own, p -> !p.contains(".git"));
    var two = cli(own, "update", "--all", "--non-interactive");
    assertEquals(2, two.code(), two.err());
    assertTrue(two.err().contains("--all works in one repository at a time"), two.err());
    assertEquals(outer, TreeSnapshot.of(own, p -> !p.contains(".git")));
    assertEquals(before, TreeSnapshot.of(mono, p -> !p.equals(".git") && !p.startsWith(".git/")));

    var checks = cli(mono, "check", "--all", "--json");
    assertEquals(3, checks.code(), checks.err());
    var list = json(checks.out());
    assertEquals(3, list.size(), checks.out());
    assertEquals("services/billing/.scaffold/ci.yml", list.get(2).get("answers_file").asText());
  }
}
