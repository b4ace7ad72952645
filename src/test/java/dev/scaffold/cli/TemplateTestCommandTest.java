package dev.scaffold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scaffold.testing.Cli;
import dev.scaffold.testing.FileTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code template test [--build]}: each example generated in a temporary folder, its test_command run, pass/fail, no litter. */
class TemplateTestCommandTest {

  @TempDir Path dir;

  /** A template whose check passes only when the generated check.txt says "ok". */
  private void template(String testCommand) {
    FileTree.write(dir.resolve("tpl"), Map.of(
        "scaffold.yml", "name: t\nquestions:\n  - name: state\n    default: ok\n" + testCommand,
        "template/check.txt.ftl", "${state}\n",
        "answers-examples/good.yml", "state: ok\n",
        "answers-examples/bad.yml", "state: broken\n"));
  }

  private static final String CHECK = "test_command: [sh, -c, 'echo checking ${state}; grep -qx ok check.txt']\n";

  private Map<String, String> env() {
    return Map.of("PATH", System.getenv("PATH"));
  }

  /** This run's example folders still in the temporary folder (their prefix is the tester's alone). */
  private static List<String> tempLeft() throws Exception {
    try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("scaffold-template-test-")).toList();
    }
  }

  @Test
  void buildReportsEachExamplePassOrFailAndExitsOne() throws Exception {
    template(CHECK);
    List<String> before = tempLeft();
    Cli.Run r = Cli.run(dir, env(), "template", "test", "tpl", "--build");
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("FAIL  " + dir.resolve("tpl/answers-examples/bad.yml")), r.out());
    assertTrue(r.out().contains("exited with") || r.out().contains("failed with exit code 1"), r.out());
    assertTrue(r.out().contains("      │ checking broken"), "the failed build's output: " + r.out());
    assertTrue(r.out().contains("pass  " + dir.resolve("tpl/answers-examples/good.yml")), r.out());
    assertTrue(r.out().contains(": 2 example(s), 1 passed, 1 failed."), r.out());
    assertEquals(before, tempLeft(), "each example's folder is removed");
  }

  @Test
  void allPassingExitsZeroAndJsonListsEachExample() throws Exception {
    template(CHECK);
    Files.delete(dir.resolve("tpl/answers-examples/bad.yml"));
    Cli.Run r = Cli.run(dir, env(), "template", "test", "tpl", "--build", "--json");
    assertEquals(0, r.exit(), r.out() + r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertTrue(j.get("ok").asBoolean());
    assertEquals("[\"sh\",\"-c\",\"echo checking ${state}; grep -qx ok check.txt\"]", j.get("test_command").toString());
    assertEquals("passed", j.get("examples").get(0).get("status").asText());
    assertEquals("", r.err(), "--json: nothing on stderr");
  }

  @Test
  void withoutBuildItOnlyRendersAndWithoutExamplesItUsesTheDefaults() throws Exception {
    FileTree.write(dir.resolve("tpl"), Map.of("scaffold.yml", "name: t\nquestions:\n  - name: who\n",
        "template/a.txt.ftl", "${who}\n"));
    List<String> before = tempLeft();
    Cli.Run r = Cli.run(dir, env(), "template", "test", "tpl");
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("pass  the questions' defaults  (1 files"), r.out());
    assertTrue(r.out().contains("(rendered only; --build runs test_command)"), r.out());
    assertEquals(before, tempLeft());
  }

  @Test
  void anExampleThatDoesNotRenderExitsTwoAndLeavesNoTemporaryFolder() throws Exception {
    template(CHECK);
    Files.writeString(dir.resolve("tpl/template/oops.txt.ftl"), "${state?number}\n");
    List<String> before = tempLeft();
    Cli.Run r = Cli.run(dir, env(), "template", "test", "tpl", "--build");
    assertEquals(2, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("FAIL  ") && r.out().contains("oops.txt.ftl"), r.out());
    assertEquals(before, tempLeft());
  }

  @Test
  void aTestCommandThatIsNotAListIsRefusedWithItsLine() {
    template("test_command: mvn verify\n");
    Cli.Run r = Cli.run(dir, env(), "template", "test", "tpl", "--build");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("scaffold.yml:5") && r.err().contains("`test_command` must be a non-empty list"), r.err());
  }

  @Test
  void buildWithoutATestCommandIsBadInput() {
    template("");
    Cli.Run r = Cli.run(dir, env(), "template", "test", "tpl", "--build");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("has no `test_command`"), r.err());
  }

  @Test
  void aTemplateFromElsewhereRunsItsTestCommandOnlyWithTrust() throws Exception {
    template(CHECK.replace("grep -qx ok check.txt", "touch " + dir.resolve("ran")));
    Path repo = dir.resolve("tpl");
    dev.scaffold.testing.Git.run(repo, "init", "-q", "-b", "main");
    dev.scaffold.testing.Git.run(repo, "add", ".");
    dev.scaffold.testing.Git.run(repo, "-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-qm", "v1");
    dev.scaffold.testing.Git.run(repo, "tag", "v1.0.0");
    String url = "file://" + repo;
    Cli.Run refused = Cli.run(dir, env(), "template", "test", url, "--build");
    assertEquals(2, refused.exit(), refused.err());
    assertTrue(refused.err().contains("pass --trust"), refused.err());
    assertFalse(Files.exists(dir.resolve("ran")), "nothing ran without --trust");
    Cli.Run trusted = Cli.run(dir, env(), "template", "test", url, "--build", "--trust");
    assertEquals(0, trusted.exit(), trusted.out() + trusted.err());
    assertTrue(Files.exists(dir.resolve("ran")));
  }

  @Test
  void bundledTemplatesDeclareTheirTestCommand() {
    for (String t : List.of("java-library", "service")) {
      Cli.Run r = Cli.run(dir, env(), "template", "test", t, "--json");
      assertEquals(0, r.exit(), t + ": " + r.out() + r.err());
    }
    assertTrue(dev.scaffold.template.SpecReader.read(readBundled("java-library"), "java-library").testCommand()
        .equals(List.of("mvn", "-B", "-q", "verify")));
  }

  private static String readBundled(String name) {
    try {
      return Files.readString(Path.of("templates", name, "scaffold.yml"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
