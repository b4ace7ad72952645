package dev.scaffold.update;

import static dev.scaffold.update.TemplateFixture.EXEC;
import static dev.scaffold.update.TemplateFixture.binary;
import static dev.scaffold.update.TemplateFixture.cli;
import static dev.scaffold.update.TemplateFixture.commitAll;
import static dev.scaffold.update.TemplateFixture.git;
import static dev.scaffold.update.TemplateFixture.read;
import static dev.scaffold.update.TemplateFixture.readTree;
import static dev.scaffold.update.TemplateFixture.version;
import static dev.scaffold.update.TemplateFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.answers.AnswersFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scaffold update} end to end: a tagged template, a generated and edited project, the merged result. */
class UpdateCommandTest {

  static final String README_V1 = "# ${project_name}\n\nLine A\nLine B\nLine C\nLine D\nLine E\nLine F\nLine G\n";
  static final String README_V2 = "# ${project_name}\n\nLine A\nLine B v2\nLine C\nLine D\nLine E\nLine F v2\nLine G\n";
  static final String CONFIG_V1 = "alpha=1\nbeta=2\ngamma=3\ndelta=4\nepsilon=5\nzeta=6\n";
  static final String CONFIG_V2 = "alpha=1\nbeta=2\ngamma=30\ndelta=4\nepsilon=5\nzeta=6\n";
  static final String MAIN_V1 = "print('${project_name}')\n# one\n# two\n# three\n# four\n# five\n";
  static final String MAIN_V2 = "print('${project_name}')\n# one\n# two\n# three\n# four\n# five (v2)\n";

  static Map<String, String> v1() {
    Map<String, String> t = new LinkedHashMap<>();
    t.put("scaffold.yml", """
        name: demo
        questions:
          - name: project_name
            default: demo
          - name: package
            default: app
          - name: license
            type: choice
            choices: [MIT, Apache]
            default: MIT
        skip_if_exists: [local.properties]
        """);
    t.put("template/README.md.ftl", README_V1);
    t.put("template/config.txt", CONFIG_V1);
    t.put("template/src/${package}/main.py.ftl", MAIN_V1);
    t.put("template/obsolete.txt", "old stuff\n");
    t.put("template/notes.txt", "note 1\nnote 2\n");
    t.put("template/guide.md", "guide v1\n");
    t.put("template/LICENSE.ftl", "${license} license\n");
    t.put("template/logo.bin", binary("v1"));
    t.put("template/local.properties", "local=1\n");
    t.put("template/run.sh", EXEC + "#!/bin/sh\necho v1\n");
    t.put("template/VERSION.ftl", "${_template.version}\n");
    t.put("template/same.md.ftl", "${project_name} stays\n");
    return t;
  }

  static Map<String, String> v2() {
    Map<String, String> t = new LinkedHashMap<>(v1());
    t.put("scaffold.yml", """
        name: demo
        questions:
          - name: project_name
            default: demo
          - name: package
            default: app
          - name: license
            type: choice
            choices: [MIT, Apache-2.0]
            default: MIT
          - name: ci
            type: bool
            default: true
        skip_if_exists: [local.properties]
        """);
    t.put("template/README.md.ftl", README_V2);
    t.put("template/config.txt", CONFIG_V2);
    t.put("template/src/${package}/main.py.ftl", MAIN_V2);
    t.remove("template/obsolete.txt");
    t.put("template/notes.txt", "note 1\nnote 2\nnote 3\n");
    t.put("template/guide.md", "guide v2\n");
    t.put("template/LICENSE.ftl", "${license} license (v2)\n");
    t.put("template/logo.bin", binary("v2"));
    t.put("template/local.properties", "local=2\n");
    t.put("template/run.sh", EXEC + "#!/bin/sh\necho v2\n");
    t.put("template/CHANGELOG.md", "changes\n");
    t.put("template/ci.yml.ftl", "ci: ${ci?c}\n");
    return t;
  }

  @TempDir Path tmp;
  Path template;
  Path project;

  @BeforeEach
  void template() throws Exception {
    template = tmp.resolve("tpl");
    version(template, "v1.0.0", false, v1());
    version(template, "v2.0.0", true, v2());
    Map<String, String> v3 = new LinkedHashMap<>(v2());
    v3.put("template/CHANGELOG.md", "changes\nmore\n");
    version(template, "v2.1.0-rc.1", false, v3);
    version(template, "not-a-version", false, v3);
    project = tmp.resolve("proj");
  }

  private void generate(String... extra) {
    String[] args = new String[] {"new", template.toString(), project.toString(), "--version", "v1.0.0",
        "--non-interactive", "--defaults", "--set", "project_name=demo", "--set", "license=Apache"};
    String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(extra))
        .toArray(String[]::new);
    var r = cli(tmp, all);
    assertEquals(0, r.code(), r.err());
  }

  @Test
  void untouchedProjectBecomesExactlyAFreshRenderOfTheNewVersion() throws Exception {
    generate();
    var r = cli(tmp, "update", project.toString(), "--non-interactive");
    assertEquals(0, r.code(), r.err());

    Path fresh = tmp.resolve("fresh");
    var n = cli(tmp, "new", template.toString(), fresh.toString(), "--version", "v2.0.0", "--non-interactive",
        "--defaults", "--set", "project_name=demo");
    assertEquals(0, n.code(), n.err());
    Map<String, String> expected = readTree(fresh);
    Map<String, String> actual = readTree(project);
    // local.properties is skip_if_exists: the project keeps the v1 text
    expected.put("local.properties", "local=1\n");
    assertEquals(expected, actual);
    assertTrue(Files.isExecutable(project.resolve("run.sh")));
    assertTrue(r.err().contains("recorded answer `license` no longer fits"), r.err());
  }

  @Test
  void anEditThatKeptTheFilesSizeAndTimeIsMergedNotOverwritten() throws Exception {
    generate();
    Path config = project.resolve("config.txt");
    var time = Files.getLastModifiedTime(config);
    // same length, same modification time: git's status (JGit's, which ignores ctime) sees no change
    write(config, CONFIG_V1.replace("alpha=1", "alpha=9"));
    Files.setLastModifiedTime(config, time);

    var r = cli(tmp, "update", project.toString(), "--non-interactive");
    assertEquals(0, r.code(), r.out() + r.err());
    assertEquals(CONFIG_V2.replace("alpha=1", "alpha=9"), read(config));
  }

  @Test
  void aTemplateNamedByAFileUrlIsReadFromItsRepositoryToo() throws Exception {
    String url = template.toUri().toString(); // file:///...
    var made = cli(tmp, "new", url, project.toString(), "--version", "v1.0.0", "--non-interactive", "--defaults",
        "--set", "project_name=demo");
    assertEquals(0, made.code(), made.err());
    write(project.resolve("config.txt"), CONFIG_V1.replace("alpha=1", "alpha=100"));
    commitAll(project, "my edit");

    var r = cli(tmp, "update", project.toString(), "--non-interactive");
    assertEquals(0, r.code(), r.out() + r.err());
    assertEquals(CONFIG_V2.replace("alpha=1", "alpha=100"), read(project.resolve("config.txt")));
    assertEquals("guide v2\n", read(project.resolve("guide.md")));
    AnswersFile.Recorded recorded = AnswersFile.readRecorded(project);
    assertEquals(url, recorded.template());
    assertEquals("v2.0.0", recorded.version());
  }

  @Test
  void userEditsSurviveTemplateChangesMergeAndOverlapsBecomeMarkers() throws Exception {
    generate();
    write(project.resolve("README.md"), "# demo\n\nLine A\nLine B mine\nLine C\nLine D mine\nLine E\nLine F\nLine G\n");
    write(project.resolve("config.txt"), "alpha=100\nbeta=2\ngamma=3\ndelta=4\nepsilon=5\nzeta=6\n");
    Files.delete(project.resolve("guide.md"));
    Files.move(project.resolve("notes.txt"), project.resolve("NOTES.txt"));
    write(project.resolve("logo.bin"), binary("mine"));
    write(project.resolve("local.properties"), "local=mine\n");
    write(project.resolve("mine.txt"), "my own file\n");
    write(project.resolve("same.md"), "demo stays, mine\n");
    commitAll(project, "my edits");

    var r = cli(tmp, "update", project.toString(), "--non-interactive");
    assertEquals(3, r.code(), r.out() + r.err());

    assertEquals("# demo\n\nLine A\n<<<<<<< yours\nLine B mine\n=======\nLine B v2\n>>>>>>> template v2.0.0\n"
        + "Line C\nLine D mine\nLine E\nLine F v2\nLine G\n", read(project.resolve("README.md")));
    assertEquals("alpha=100\nbeta=2\ngamma=30\ndelta=4\nepsilon=5\nzeta=6\n", read(project.resolve("config.txt")));
    assertEquals("print('demo')\n# one\n# two\n# three\n# four\n# five (v2)\n", read(project.resolve("src/app/main.py")));
    assertFalse(Files.exists(project.resolve("guide.md")), "deleted by the user, stays deleted");
    assertFalse(Files.exists(project.resolve("notes.txt")), "renamed by the user, not brought back");
    assertEquals("note 1\nnote 2\nnote 3\n", read(project.resolve("NOTES.txt")), "followed by its blob id: the template's change lands there");
    assertEquals(binary("mine"), read(project.resolve("logo.bin")));
    assertEquals("local=mine\n", read(project.resolve("local.properties")));
    assertEquals("my own file\n", read(project.resolve("mine.txt")));
    assertFalse(Files.exists(project.resolve("obsolete.txt")));
    assertEquals("changes\n", read(project.resolve("CHANGELOG.md")));
    assertEquals("ci: true\n", read(project.resolve("ci.yml")));
    assertEquals("MIT license (v2)\n", read(project.resolve("LICENSE")));
    assertEquals("#!/bin/sh\necho v2\n", read(project.resolve("run.sh")));
    assertEquals("v2.0.0\n", read(project.resolve("VERSION")), "unchanged source, but it reads _template");
    assertEquals("demo stays, mine\n", read(project.resolve("same.md")));

    AnswersFile.Recorded rec = AnswersFile.readRecorded(project);
    assertEquals("v2.0.0", rec.version());
    assertEquals(git(template, "rev-parse", "v2.0.0^{commit}").strip(), rec.commit());
    assertEquals(Map.of("project_name", "demo", "package", "app", "license", "MIT", "ci", true), rec.answers());

    assertTrue(r.out().contains("conflict  README.md"), r.out());
    assertTrue(r.out().contains("conflict  logo.bin"), r.out());
    assertTrue(r.out().contains("merged    config.txt"), r.out());
    assertTrue(r.out().contains("kept      guide.md"), r.out());
    assertTrue(r.out().contains("2 file(s) have conflicts"), r.out());
    // the update is left as uncommitted changes on the same branch
    assertEquals("main", git(project, "branch", "--show-current").strip());
    assertFalse(git(project, "status", "--porcelain").isBlank());
  }

  @Test
  void rejStyleKeepsTheUserLinesAndWritesTheTemplateHunksBeside() throws Exception {
    generate();
    write(project.resolve("README.md"), "# demo\n\nLine A\nLine B mine\nLine C\nLine D\nLine E\nLine F\nLine G\n");
    commitAll(project, "edit");
    var r = cli(tmp, "update", project.toString(), "--non-interactive", "--conflict", "rej");
    assertEquals(3, r.code(), r.err());
    assertEquals("# demo\n\nLine A\nLine B mine\nLine C\nLine D\nLine E\nLine F v2\nLine G\n",
        read(project.resolve("README.md")));
    assertEquals("--- a/README.md\t(template v1.0.0)\n+++ b/README.md\t(template v2.0.0)\n"
        + "@@ -4,1 +4,1 @@\n-Line B\n+Line B v2\n", read(project.resolve("README.md.rej")));
  }

  @Test
  void changingAnAnswerReRendersAndFollowsTheRenamedPathWithTheUserEdit() throws Exception {
    generate();
    write(project.resolve("src/app/main.py"), "print('demo')\n# one, mine\n# two\n# three\n# four\n# five\n");
    commitAll(project, "edit main");
    var r = cli(tmp, "update", project.toString(), "--non-interactive", "--version", "v1.0.0", "--set", "package=core");
    assertEquals(0, r.code(), r.err());
    assertFalse(Files.exists(project.resolve("src/app")), "the old folder is gone");
    assertEquals("print('demo')\n# one, mine\n# two\n# three\n# four\n# five\n", read(project.resolve("src/core/main.py")));
    assertTrue(r.out().contains("src/core/main.py  (from src/app/main.py)"), r.out());
    assertEquals("core", AnswersFile.readRecorded(project).answers().get("package"));
    assertEquals("v1.0.0", AnswersFile.readRecorded(project).version());
  }

  @Test
  void renameAndTemplateChangeMergeTogether() throws Exception {
    generate();
    write(project.resolve("src/app/main.py"), "print('demo')\n# one, mine\n# two\n# three\n# four\n# five\n");
    commitAll(project, "edit main");
    var r = cli(tmp, "update", project.toString(), "--non-interactive", "--set", "package=core");
    assertEquals(0, r.code(), r.err());
    assertEquals("print('demo')\n# one, mine\n# two\n# three\n# four\n# five (v2)\n",
        read(project.resolve("src/core/main.py")));
    assertFalse(Files.exists(project.resolve("src/app/main.py")));
  }

  @Test
  void dirtyWorkingTreeIsRefusedUnlessAllowed() throws Exception {
    generate();
    write(project.resolve("config.txt"), "uncommitted\n");
    Map<String, String> before = readTree(project);
    var r = cli(tmp, "update", project.toString(), "--non-interactive");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("1 uncommitted change(s)"), r.err());
    assertTrue(r.err().contains("config.txt: uncommitted change"), r.err());
    assertEquals(before, readTree(project));

    var ok = cli(tmp, "update", project.toString(), "--non-interactive", "--allow-dirty");
    assertEquals(3, ok.code(), ok.err()); // config.txt: the whole file differs from v1 and v2 changed a line
    assertEquals("v2.0.0", AnswersFile.readRecorded(project).version());
  }

  @Test
  void dryRunListsEveryFileAndWritesNothing() throws Exception {
    generate();
    write(project.resolve("README.md"), "# demo\n\nLine A\nLine B mine\nLine C\nLine D\nLine E\nLine F\nLine G\n");
    commitAll(project, "edit");
    Map<String, String> before = readTree(project);
    var r = cli(tmp, "update", project.toString(), "--non-interactive", "--dry-run");
    assertEquals(3, r.code(), r.err());
    assertEquals(before, readTree(project));
    String out = r.out();
    assertTrue(out.contains("(dry run: nothing was written)"), out);
    for (String line : new String[] {"would conflict README.md", "would update   config.txt",
        "would add      CHANGELOG.md", "would remove   obsolete.txt", "would keep     local.properties",
        "would add      ci.yml", "would update   LICENSE"}) {
      assertTrue(out.contains(line), line + " in\n" + out);
    }
  }

  @Test
  void sameVersionIsANoOpAndDowngradeNeedsAFlag() throws Exception {
    generate();
    var same = cli(tmp, "update", project.toString(), "--non-interactive", "--version", "v1.0.0");
    assertEquals(0, same.code(), same.err());
    assertTrue(same.out().contains("already at v1.0.0"), same.out());
    assertEquals("", git(project, "status", "--porcelain"));

    assertEquals(0, cli(tmp, "update", project.toString(), "--non-interactive").code());
    commitAll(project, "update");
    var down = cli(tmp, "update", project.toString(), "--non-interactive", "--version", "v1.0.0");
    assertEquals(2, down.code());
    assertTrue(down.err().contains("older than the recorded v2.0.0; pass --allow-downgrade"), down.err());
    var ok = cli(tmp, "update", project.toString(), "--non-interactive", "--version", "v1.0.0", "--allow-downgrade",
        "--set", "license=MIT");
    assertEquals(0, ok.code(), ok.err());
    assertEquals("v1.0.0", AnswersFile.readRecorded(project).version());
    assertTrue(Files.exists(project.resolve("obsolete.txt")));
    assertFalse(Files.exists(project.resolve("CHANGELOG.md")));
  }

  @Test
  void prereleaseOnlyWhenAskedAndUnknownVersionIsBadInput() throws Exception {
    generate();
    var r = cli(tmp, "update", project.toString(), "--non-interactive", "--prerelease");
    assertEquals(0, r.code(), r.err());
    assertEquals("v2.1.0-rc.1", AnswersFile.readRecorded(project).version());
    assertEquals("changes\nmore\n", read(project.resolve("CHANGELOG.md")));

    var bad = cli(tmp, "update", project.toString(), "--non-interactive", "--version", "v9", "--allow-dirty");
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("no tag, branch or commit `v9`"), bad.err());
  }

  @Test
  void commitPutsTheUpdateOnANewBranch() throws Exception {
    generate();
    String mainBefore = git(project, "rev-parse", "main").strip();
    var r = cli(tmp, "update", project.toString(), "--non-interactive", "--commit");
    assertEquals(0, r.code(), r.err());
    assertEquals("scaffold/update-v2.0.0", git(project, "branch", "--show-current").strip());
    assertEquals("", git(project, "status", "--porcelain"));
    assertEquals(mainBefore, git(project, "rev-parse", "main").strip());
    assertEquals("Update demo template from v1.0.0 to v2.0.0", git(project, "log", "-1", "--format=%s").strip());
    String changed = git(project, "diff", "--name-status", "main", "HEAD");
    assertTrue(changed.contains("D\tobsolete.txt"), changed);
    assertTrue(changed.contains("A\tCHANGELOG.md"), changed);
    assertTrue(changed.contains("M\t.scaffold-answers.yml"), changed);

    git(project, "checkout", "-q", "main");
    var again = cli(tmp, "update", project.toString(), "--non-interactive", "--commit");
    assertEquals(2, again.code());
    assertTrue(again.err().contains("branch scaffold/update-v2.0.0 exists already"), again.err());
  }

  @Test
  void pullRequestFailsClearlyWithoutAToken() throws Exception {
    generate();
    var r = cli(tmp, "update", project.toString(), "--non-interactive", "--pr");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("GITHUB_TOKEN (or GH_TOKEN) is not set"), r.err());
    assertEquals("v1.0.0", AnswersFile.readRecorded(project).version());
  }

  @Test
  void jsonReportsOutcomesAndConflicts() throws Exception {
    generate();
    write(project.resolve("README.md"), "# demo\n\nLine A\nLine B mine\nLine C\nLine D\nLine E\nLine F\nLine G\n");
    commitAll(project, "edit");
    var r = cli(tmp, "update", project.toString(), "--non-interactive", "--json");
    assertEquals(3, r.code(), r.err());
    var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
    assertEquals("conflicts", tree.get("status").asText());
    assertEquals("v1.0.0", tree.get("from").asText());
    assertEquals("v2.0.0", tree.get("to").asText());
    assertEquals("[\"README.md\"]", tree.get("conflicts").toString());
    assertEquals("[\"ci\"]", tree.get("new_questions").toString());
  }

  @Test
  void helpWorksDespiteTheVersionOption() {
    var r = cli(tmp, "update", "--help");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("Usage: scaffold update [-hq]"), r.out());
    assertTrue(r.out().contains("--version=REF"), r.out());
  }

  @Test
  void projectWithoutAnswersFileIsBadInput() throws Exception {
    Files.createDirectories(project);
    var r = cli(tmp, "update", project.toString(), "--non-interactive");
    assertEquals(2, r.code());
    assertTrue(r.err().contains(".scaffold-answers.yml: not found"), r.err());
  }
}
