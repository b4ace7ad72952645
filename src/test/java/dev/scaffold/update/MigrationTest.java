package dev.scaffold.update;

import static dev.scaffold.update.TemplateFixture.git;
import static dev.scaffold.update.TemplateFixture.readTree;
import static dev.scaffold.update.TemplateFixture.version;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code migrations:} run for the versions an update crosses, in version order, before or after the
 * merge, with the versions in their environment and never the token; tasks see {@code _operation}.
 */
class MigrationTest {

  static final String TOKEN = "ghp_migrationToken0123456789abcdef";

  @TempDir Path tmp;
  Path template;

  static String log(String line) {
    return "[sh, -c, 'echo \"" + line + "\" >> migrations.log']";
  }

  /** The scaffold.yml of v1.5.0 and later: the target's list is the one that counts. */
  static String spec(String extraMigration) {
    return "name: demo\nquestions:\n  - {name: flavour, default: plain}\n"
        + "migrations:\n"
        + "  - {version: 1.0.0, command: " + log("1.0.0 is not crossed") + "}\n"
        + "  - {version: v3.0.0, command: " + log("3.0.0 after") + "}\n"
        + "  - {version: 2.0.0, stage: after, command: " + log("2.0.0 after [$GITHUB_TOKEN$GH_TOKEN]") + "}\n"
        + "  - {version: 1.5.0, stage: before, command: "
        + log("1.5.0 before $SCAFFOLD_FROM_VERSION $SCAFFOLD_TO_VERSION ${flavour}") + "}\n"
        + "  - {version: 2.0.0, stage: before, when: \"${_stage == 'before' && flavour == 'plain'}\", command: "
        + log("2.0.0 before") + "}\n"
        + "  - {version: 2.0.0, when: \"${flavour == 'fancy'}\", command: " + log("never") + "}\n"
        + "  - {version: 4.0.0, command: " + log("4.0.0 is beyond the target") + "}\n"
        + extraMigration
        + "tasks:\n"
        + "  - {command: " + log("task on new only") + "}\n"
        + "  - {when: \"${_operation == 'update'}\", command: " + log("task on update ${_operation}") + "}\n"
        + "  - {when: \"${_operation == 'new'}\", command: [sh, -c, 'echo made > made.txt']}\n";
  }

  static Map<String, String> files(String spec, String app) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("scaffold.yml", spec);
    v.put("template/README.md.ftl", "# ${flavour}\n");
    v.put("template/app.txt", app);
    return v;
  }

  @BeforeEach
  void template() throws Exception {
    template = tmp.resolve("tpl");
    // the old version's own commands would leave OLD-* files: none may ever run on update
    version(template, "v1.0.0", false, files("name: demo\nquestions:\n  - {name: flavour, default: plain}\n"
        + "migrations:\n  - {version: 1.0.0, command: [sh, -c, 'touch OLD-MIGRATION']}\n"
        + "tasks:\n  - {when: 'true', command: [sh, -c, 'touch OLD-TASK']}\n", "app v1\n"));
    version(template, "v1.5.0", false, files(spec(""), "app v1.5\n"));
    version(template, "v2.0.0", false, files(spec(""), "app v2\n"));
    version(template, "v3.0.0", false, files(spec(""), "app v3\n"));
  }

  Cli.Run cli(String... args) {
    return Cli.run(tmp, Map.of("PATH", System.getenv("PATH"), "GITHUB_TOKEN", TOKEN, "GH_TOKEN", TOKEN), args);
  }

  Path generate(String from) throws Exception {
    Path project = tmp.resolve("proj");
    var n = cli("new", template.toString(), project.toString(), "--version", from, "--non-interactive", "--defaults");
    assertEquals(0, n.exit(), n.err());
    assertTrue(Files.deleteIfExists(project.resolve("OLD-TASK")) == from.equals("v1.0.0")); // v1's task runs on new
    Files.deleteIfExists(project.resolve("made.txt"));
    Files.deleteIfExists(project.resolve("migrations.log"));
    TemplateFixture.commitAll(project, "generated");
    return project;
  }

  static Stream<Arguments> crossings() {
    return Stream.of(
        Arguments.of("v1.0.0", "v3.0.0", List.of("1.5.0 before v1.0.0 v3.0.0 plain", "2.0.0 before", "2.0.0 after []",
            "3.0.0 after", "task on update update")),
        Arguments.of("v1.0.0", "v2.0.0", List.of("1.5.0 before v1.0.0 v2.0.0 plain", "2.0.0 before", "2.0.0 after []",
            "task on update update")),
        Arguments.of("v1.5.0", "v2.0.0", List.of("2.0.0 before", "2.0.0 after []", "task on update update")),
        Arguments.of("v2.0.0", "v3.0.0", List.of("3.0.0 after", "task on update update")));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource
  void crossings(String from, String to, List<String> ran) throws Exception {
    Path project = generate(from);
    var r = cli("update", project.toString(), "--version", to, "--non-interactive");
    assertEquals(0, r.exit(), r.err() + r.out());
    Map<String, String> tree = readTree(project);
    String answers = tree.remove(".scaffold-answers.yml");
    // no OLD-TASK or OLD-MIGRATION: the old version's commands never run while it is rendered
    assertEquals(Map.of("README.md", "# plain\n", "app.txt", "app " + to.replace(".0.0", "") + "\n", "migrations.log", String.join("\n", ran) + "\n"), tree);
    assertTrue(answers.contains("_version: " + to + "\n"), answers);
    assertFalse(r.out().contains(TOKEN) || r.err().contains(TOKEN));
    assertTrue(r.out().contains("ran migration"), r.out());
  }

  @Test
  void tasksSeeTheOperationAndOnesWithoutWhenRunOnNewOnly() throws Exception {
    Path project = tmp.resolve("proj");
    var n = cli("new", template.toString(), project.toString(), "--version", "v2.0.0", "--non-interactive", "--defaults");
    assertEquals(0, n.exit(), n.err());
    assertEquals("task on new only\n", TemplateFixture.read(project.resolve("migrations.log")));
    assertEquals("made\n", TemplateFixture.read(project.resolve("made.txt")));
    Files.delete(project.resolve("made.txt"));
    TemplateFixture.commitAll(project, "generated");
    var r = cli("update", project.toString(), "--non-interactive");
    assertEquals(0, r.exit(), r.err());
    assertEquals("task on new only\n3.0.0 after\ntask on update update\n",
        TemplateFixture.read(project.resolve("migrations.log")));
    assertFalse(Files.exists(project.resolve("made.txt")));
    assertFalse(Files.exists(project.resolve("OLD-TASK")) || Files.exists(project.resolve("OLD-MIGRATION")));
  }

  @Test
  void aDryRunListsTheCommandsAndRunsNone() throws Exception {
    Path project = generate("v1.0.0");
    var r = cli("update", project.toString(), "--dry-run", "--non-interactive");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("would run migration 1.5.0 (before): sh -c echo \"1.5.0 before"), r.out());
    assertTrue(r.out().contains("would run task: sh -c echo \"task on update update\""), r.out());
    assertEquals("", git(project, "status", "--porcelain"));
    var json = cli("update", project.toString(), "--dry-run", "--json");
    assertTrue(json.out().contains("\"commands\" : [ \"migration 1.5.0 (before): sh -c"), json.out());
  }

  @Test
  void aFailingBeforeMigrationLeavesTheProjectAsItWas() throws Exception {
    version(template, "v5.0.0", false, files(spec("  - {version: 5.0.0, stage: before, command: [sh, -c, "
        + "'echo broken > README.md; rm app.txt; mkdir -p junk; echo x > junk/y; ln -s /etc junk/l; exit 7']}\n"),
        "app v5\n"));
    Path project = generate("v3.0.0");
    Files.writeString(project.resolve("untracked.txt"), "mine\n");
    Map<String, String> before = readTree(project);
    var r = cli("update", project.toString(), "--non-interactive", "--allow-dirty");
    assertEquals(1, r.exit(), r.err());
    List<String> errors = r.err().lines().filter(l -> l.startsWith("error")).toList();
    assertEquals(1, errors.size(), r.err());
    assertTrue(errors.get(0).contains("migration 5.0.0 (before)") && errors.get(0).contains("exit code 7")
        && errors.get(0).contains("put back as it was before the update"), r.err());
    assertEquals(before, readTree(project));
    assertFalse(Files.exists(project.resolve("junk")));
    assertEquals("?? untracked.txt", git(project, "status", "--porcelain").strip());
    assertTrue(TemplateFixture.read(project.resolve(".scaffold-answers.yml")).contains("_version: v3.0.0"));
  }

  @Test
  void aFailingAfterMigrationLeavesTheMergedUpdateUncommitted() throws Exception {
    version(template, "v5.0.0", false, files(spec("  - {version: 5.0.0, command: [sh, -c, 'exit 4']}\n"),
        "app v5\n"));
    Path project = generate("v3.0.0");
    var r = cli("update", project.toString(), "--non-interactive", "--commit");
    assertEquals(1, r.exit(), r.err());
    assertTrue(r.err().contains("migration 5.0.0 (after)") && r.err().contains("exit code 4")
        && r.err().contains("nothing was committed (on branch scaffold/update-v5.0.0)"), r.err());
    assertEquals("app v5\n", TemplateFixture.read(project.resolve("app.txt")));
    assertTrue(TemplateFixture.read(project.resolve(".scaffold-answers.yml")).contains("_version: v5.0.0"));
    // the migrations before the failing one ran, in version order
    assertEquals("4.0.0 is beyond the target\n", TemplateFixture.read(project.resolve("migrations.log")));
    assertEquals(List.of("M .scaffold-answers.yml", "M app.txt", "?? migrations.log"),
        git(project, "status", "--porcelain").lines().map(String::strip).toList());
    assertEquals("generated", git(project, "log", "-1", "--format=%s").strip());
  }

  @Test
  void aTemplateFromElsewhereRunsMigrationsOnlyWithTrust() throws Exception {
    Path project = tmp.resolve("proj");
    String url = template.toUri().toString();
    var n = cli("new", url, project.toString(), "--version", "v2.0.0", "--non-interactive", "--defaults", "--trust");
    assertEquals(0, n.exit(), n.err());
    Files.delete(project.resolve("made.txt"));
    Files.delete(project.resolve("migrations.log"));
    TemplateFixture.commitAll(project, "generated");
    Map<String, String> before = readTree(project);
    List<String> args = new ArrayList<>(List.of("update", project.toString(), "--non-interactive"));
    var refused = cli(args.toArray(String[]::new));
    assertEquals(2, refused.exit(), refused.err());
    assertTrue(refused.err().contains("pass --trust") && refused.err().contains("3.0.0 after"), refused.err());
    assertEquals(before, readTree(project));
    args.add("--trust");
    var r = cli(args.toArray(String[]::new));
    assertEquals(0, r.exit(), r.err());
    assertEquals("3.0.0 after\ntask on update update\n", TemplateFixture.read(project.resolve("migrations.log")));
  }

  @Test
  void aMigrationThatIsNoVersionIsRefusedWithItsLine() throws Exception {
    version(template, "v5.0.0", false, files(spec("  - {version: soon, stage: during, command: [x]}\n"), "x\n"));
    Path project = generate("v3.0.0");
    var r = cli("update", project.toString(), "--non-interactive");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("scaffold.yml:12") && r.err().contains("`soon` is not a version"), r.err());
    assertTrue(r.err().contains("`stage` must be `before` or `after`"), r.err());
    assertEquals("", git(project, "status", "--porcelain"));
  }
}
