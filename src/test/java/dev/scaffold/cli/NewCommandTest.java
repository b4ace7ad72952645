package dev.scaffold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scaffold.ScaffoldVersion;
import dev.scaffold.testing.Cli;
import dev.scaffold.testing.FileTree;
import dev.scaffold.testing.Git;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewCommandTest {

  @TempDir Path dir;

  private Path template(Map<String, String> files) {
    return FileTree.write(dir.resolve("tpl"), files);
  }

  private static final String YML = """
      name: demo
      destination: ${name}
      questions:
        - name: name
          validate: '^[a-z-]+$'
        - name: port
          type: int
          default: 8080
      """;

  @Test
  void rendersCommitsAndRecordsAnswers() {
    template(Map.of("scaffold.yml", YML, "template/README.md.ftl", "# ${name} on ${port}\n", "template/raw.sh", "echo ${HOME}\n"));
    Cli.Run r = Cli.run(dir, "new", "tpl", "out", "--set", "name=demo", "--non-interactive");
    assertEquals(0, r.exit(), r.err());
    Path out = dir.resolve("out");
    assertEquals("# demo on 8080\n", FileTree.read(out).get("README.md"));
    assertEquals("echo ${HOME}\n", FileTree.read(out).get("raw.sh"));
    String answers = FileTree.read(out).get(".scaffold-answers.yml");
    assertTrue(answers.contains("_template: " + dir.resolve("tpl")), answers);
    assertTrue(answers.contains("name: demo") && answers.contains("port: 8080"), answers);
    assertEquals("Initial project from demo local", Git.run(out, "log", "--format=%s"));
    assertEquals("main", Git.run(out, "branch", "--show-current"));
    assertEquals("", Git.run(out, "status", "--porcelain"));
    assertEquals(List.of(".scaffold-answers.yml", "README.md", "raw.sh"), List.of(Git.run(out, "ls-files").split("\n")));
    assertTrue(r.out().startsWith("Created " + out), r.out());
    assertNoStagingLeft();
  }

  @Test
  void destinationComesFromTheTemplateWhenNotGiven() {
    template(Map.of("scaffold.yml", YML, "template/a.txt", "a"));
    Cli.Run r = Cli.run(dir, "new", "tpl", "--set", "name=from-answers", "--no-git");
    assertEquals(0, r.exit(), r.err());
    assertTrue(Files.isRegularFile(dir.resolve("from-answers/a.txt")));
    assertFalse(Files.exists(dir.resolve("from-answers/.git")));
  }

  @Test
  void nonEmptyDestinationIsRefusedUntouchedWithoutForce() throws Exception {
    template(Map.of("scaffold.yml", YML, "template/a.txt", "new"));
    FileTree.write(dir.resolve("out"), Map.of("a.txt", "mine", "b.txt", "keep"));
    Cli.Run r = Cli.run(dir, "new", "tpl", "out", "--set", "name=x");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("is not empty; use --force"), r.err());
    assertEquals(Map.of("a.txt", "mine", "b.txt", "keep"), FileTree.read(dir.resolve("out")));

    Cli.Run forced = Cli.run(dir, "new", "tpl", "out", "--set", "name=x", "--force", "--no-git");
    assertEquals(0, forced.exit(), forced.err());
    assertEquals("new", FileTree.read(dir.resolve("out")).get("a.txt"));
    assertEquals("keep", FileTree.read(dir.resolve("out")).get("b.txt"));
  }

  @Test
  void templateSyntaxErrorNamesFileAndLineAndWritesNothing() {
    template(Map.of("scaffold.yml", YML, "template/ok.txt", "fine", "template/src/bad.txt.ftl", "line one\n<#if name>\n"));
    Cli.Run r = Cli.run(dir, "new", "tpl", "out", "--set", "name=x");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("template/src/bad.txt.ftl:"), r.err());
    assertFalse(r.err().contains("at dev.scaffold"), "no stack trace without --verbose");
    assertFalse(Files.exists(dir.resolve("out")));
    assertNoStagingLeft();
  }

  @Test
  void missingAndInvalidAnswersAreAllReported() {
    template(Map.of("scaffold.yml", YML + """
          - name: other
            type: bool
        """, "template/a.txt", "a"));
    Cli.Run r = Cli.run(dir, "new", "tpl", "out", "--set", "port=http", "--non-interactive");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("question `name`: no answer given"), r.err());
    assertTrue(r.err().contains("--set port: question `port`: expected a whole number"), r.err());
    assertTrue(r.err().contains("question `other`: no answer given"), r.err());
    assertFalse(Files.exists(dir.resolve("out")));
  }

  @Test
  void malformedAnswersFileIsAClearError() throws Exception {
    template(Map.of("scaffold.yml", YML, "template/a.txt", "a"));
    Files.writeString(dir.resolve("a.yml"), "name: [unclosed\n");
    Cli.Run r = Cli.run(dir, "new", "tpl", "out", "--answers", "a.yml");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("a.yml:"), r.err());
    assertTrue(r.err().contains("not valid YAML"), r.err());
  }

  @Test
  void hostilePathIsRefusedAndNothingIsWritten() {
    template(Map.of("scaffold.yml", YML.replace("validate: '^[a-z-]+$'", "required: true"), "template/${name}/x.txt", "x"));
    Cli.Run r = Cli.run(dir, "new", "tpl", "out", "--set", "name=../../escape");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("leaves the destination"), r.err());
    assertFalse(Files.exists(dir.resolve("out")));
    assertFalse(Files.exists(dir.getParent().resolve("escape")));
  }

  @Test
  void dryRunListsThePlanAndWritesNothing() {
    template(Map.of("scaffold.yml", YML, "template/a.txt.ftl", "${name}", "template/b.bin", "b"));
    Cli.Run r = Cli.run(dir, "new", "tpl", "out", "--set", "name=x", "--dry-run");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("write  a.txt"), r.out());
    assertTrue(r.out().contains("write  b.bin  (copy)"), r.out());
    assertTrue(r.out().contains("git    init, commit on main"), r.out());
    assertFalse(Files.exists(dir.resolve("out")));
    assertNoStagingLeft();
  }

  @Test
  void jsonResultIsTheOnlyThingOnStdout() throws Exception {
    template(Map.of("scaffold.yml", YML, "template/a.txt", "a"));
    Cli.Run r = Cli.run(dir, "new", "tpl", "out", "--set", "name=x", "--json");
    assertEquals(0, r.exit(), r.err());
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertEquals("created", json.get("status").asText());
    assertEquals("demo", json.get("template").get("name").asText());
    assertEquals(40, json.get("commit").asText().length());
    assertEquals("x", json.get("answers").get("name").asText());
  }

  @Test
  void tasksRunBeforeTheCommitAndAFailingTaskLeavesNothing() {
    template(Map.of("scaffold.yml", YML + """
        tasks:
          - command: [sh, -c, 'echo made > made.txt']
          - command: [sh, -c, 'exit ${port}']
            when: ${port == 3}
        """, "template/a.txt", "a"));
    Cli.Run ok = Cli.run(dir, "new", "tpl", "ok", "--set", "name=x");
    assertEquals(0, ok.exit(), ok.err());
    assertEquals("made\n", FileTree.read(dir.resolve("ok")).get("made.txt"));
    assertTrue(Git.run(dir.resolve("ok"), "ls-files").contains("made.txt"));

    Cli.Run failed = Cli.run(dir, "new", "tpl", "failed", "--set", "name=x", "--set", "port=3");
    assertEquals(1, failed.exit());
    assertTrue(failed.err().contains("failed with exit code 3"), failed.err());
    assertFalse(Files.exists(dir.resolve("failed")));
    assertNoStagingLeft();
  }

  @Test
  void gitTemplateTakesNewestReleaseAndNeedsTrustForTasks() {
    Path repo = template(Map.of("scaffold.yml", YML + "tasks:\n  - command: [touch, ran]\n", "template/v.txt", "one"));
    Git.run(repo, "init", "-q", "-b", "main");
    Git.run(repo, "add", "-A");
    Git.run(repo, "commit", "-qm", "v1");
    Git.run(repo, "tag", "v1.0.0");
    FileTree.write(repo, Map.of("template/v.txt", "two"));
    Git.run(repo, "commit", "-qam", "v2");
    Git.run(repo, "tag", "v1.1.0");
    FileTree.write(repo, Map.of("template/v.txt", "three"));
    Git.run(repo, "commit", "-qam", "rc");
    Git.run(repo, "tag", "v1.2.0-rc.1");
    String url = repo.toUri().toString();

    Cli.Run refused = Cli.run(dir, "new", url, "a", "--set", "name=x");
    assertEquals(2, refused.exit());
    assertTrue(refused.err().contains("--trust") && refused.err().contains("touch ran"), refused.err());
    assertFalse(Files.exists(dir.resolve("a")));

    Cli.Run trusted = Cli.run(dir, "new", url, "a", "--set", "name=x", "--trust");
    assertEquals(0, trusted.exit(), trusted.err());
    Map<String, String> files = FileTree.read(dir.resolve("a"));
    assertEquals("two", files.get("v.txt"));
    assertTrue(files.containsKey("ran"));
    assertTrue(files.get(".scaffold-answers.yml").contains("_version: v1.1.0"), files.get(".scaffold-answers.yml"));
    assertTrue(files.get(".scaffold-answers.yml").contains("_commit: " + Git.run(repo, "rev-parse", "v1.1.0")));

    Cli.Run pinned = Cli.run(dir, "new", url, "b", "--set", "name=x", "--trust", "--version", "v1.0.0");
    assertEquals(0, pinned.exit(), pinned.err());
    assertEquals("one", FileTree.read(dir.resolve("b")).get("v.txt"));

    Cli.Run pre = Cli.run(dir, "new", url, "c", "--set", "name=x", "--trust", "--prerelease");
    assertEquals(0, pre.exit(), pre.err());
    assertEquals("three", FileTree.read(dir.resolve("c")).get("v.txt"));
  }

  @Test
  void templateNeedingNewerScaffoldIsRefused() {
    template(Map.of("scaffold.yml", "name: t\nmin_scaffold_version: 99.0.0\n", "template/a", "a"));
    Cli.Run r = Cli.run(dir, "new", "tpl", "out");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("needs scaffold 99.0.0 or newer; this is scaffold " + ScaffoldVersion.current()), r.err());
  }

  @Test
  void unknownTemplateListsTheBundledOnes() {
    Cli.Run r = Cli.run(dir, "new", "nope", "out");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("no such template") && r.err().contains("java-library"), r.err());
  }

  @Test
  void versionAndHelpOnEveryCommand() {
    assertEquals("scaffold " + ScaffoldVersion.current(), Cli.run(dir, "--version").out().strip());
    for (String cmd : List.of("new", "update", "check", "diff", "list", "template", "template lint")) {
      String[] words = (cmd + " --help").split(" ");
      Cli.Run r = Cli.run(dir, words);
      assertEquals(0, r.exit(), cmd + ": " + r.err());
      assertTrue(r.out().startsWith("Usage: scaffold " + cmd), r.out());
      assertEquals(r.out(), Cli.run(dir, ("help " + cmd).split(" ")).out(), "scaffold help " + cmd);
    }
    Cli.Run bad = Cli.run(dir, "new", "--no-such-option");
    assertEquals(2, bad.exit());
    assertTrue(bad.err().contains("unknown option `--no-such-option`"), bad.err());
  }

  private void assertNoStagingLeft() {
    assertTrue(FileTree.list(dir).stream().noneMatch(p -> p.contains(".scaffold-staging-")), FileTree.list(dir).toString());
  }
}
