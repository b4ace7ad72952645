package dev.scaffold.update;

import static dev.scaffold.update.TemplateFixture.cli;
import static dev.scaffold.update.TemplateFixture.commitAll;
import static dev.scaffold.update.TemplateFixture.readTree;
import static dev.scaffold.update.TemplateFixture.version;
import static dev.scaffold.update.TemplateFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scaffold.testing.FileTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code message_after_new} and {@code message_after_update}: rendered with the answers, shown last, never in --json or --quiet output. */
class TemplateMessagesTest {

  @TempDir Path tmp;

  private static final String YML = """
      name: demo
      questions:
        - name: project_name
          default: demo
        - name: docker
          type: bool
          default: false
      message_after_new: |
        Build ${project_name}:  make build
        <#if docker>
        Image:  docker build -t ${project_name} .
        </#if>
      """;

  private Path template(String yml) {
    return FileTree.write(tmp.resolve("tpl"), Map.of("scaffold.yml", yml, "template/a.txt.ftl", "${project_name}\n"));
  }

  @Test
  void newEndsWithNextStepsRenderedWithTheAnswers() {
    template(YML);
    var r = cli(tmp, "new", "tpl", "out", "--defaults", "--set", "project_name=shop", "--set", "docker=true", "--no-git");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().endsWith("""

        Next steps:
          cd out
          Build shop:  make build
          Image:  docker build -t shop .
        """), r.out());
    // the directive lines leave no blank line behind, and nothing about docker without it
    var plain = cli(tmp, "new", "tpl", "out2", "--defaults", "--no-git");
    assertTrue(plain.out().endsWith("Next steps:\n  cd out2\n  Build demo:  make build\n"), plain.out());
  }

  @Test
  void jsonCarriesTheMessageAndQuietDropsIt() throws Exception {
    template(YML);
    var json = cli(tmp, "new", "tpl", "j", "--defaults", "--no-git", "--json");
    assertEquals(0, json.code(), json.err());
    JsonNode n = new ObjectMapper().readTree(json.out());
    assertEquals("Build demo:  make build", n.get("message").asText());
    assertFalse(json.out().contains("Next steps"), json.out());

    var quiet = cli(tmp, "new", "tpl", "q", "--defaults", "--no-git", "--quiet");
    assertEquals(0, quiet.code(), quiet.err());
    assertTrue(quiet.out().startsWith("Created "), quiet.out());
    assertFalse(quiet.out().contains("Next steps") || quiet.out().contains("make build"), quiet.out());
    assertEquals("", quiet.err(), "no progress with --quiet");
    var q = cli(tmp, "new", "tpl", "q2", "--defaults", "--no-git", "-q");
    assertEquals(0, q.code(), q.err());
    assertFalse(q.out().contains("Next steps"), q.out());
  }

  @Test
  void noMessageAndNoPullRequestPrintsNoBlock() {
    FileTree.write(tmp.resolve("bare"), Map.of("scaffold.yml", "name: bare\n", "template/a.txt", "a\n"));
    var r = cli(tmp, "new", "bare", "out", "--no-git");
    assertEquals(0, r.code(), r.err());
    assertFalse(r.out().contains("Next steps"), r.out());
  }

  @Test
  void aBrokenMessageIsTheTemplatesErrorAndNothingIsWritten() {
    template(YML.replace("make build", "make ${no_such_answer}"));
    var r = cli(tmp, "new", "tpl", "out", "--defaults", "--no-git");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("message_after_new") && r.err().contains("no_such_answer"), r.err());
    assertFalse(Files.exists(tmp.resolve("out")));
    assertTrue(FileTree.list(tmp).stream().noneMatch(p -> p.contains(".scaffold-")), FileTree.list(tmp).toString());
  }

  @Test
  void aMessageThatLoopsForeverStopsAtTheRenderTimeLimit() {
    template("name: demo\nmessage_after_new: '<#list 1.. as i>${i}</#list>'\n");
    var r = cli(tmp, "new", "tpl", "out", "--no-git");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("message_after_new"), r.err());
    assertFalse(Files.exists(tmp.resolve("out")));
  }

  @Test
  void aMessageThatIsNotTextIsRefusedWithItsLine() {
    template("name: demo\nmessage_after_new:\n  - a list\n");
    var r = cli(tmp, "new", "tpl", "out", "--no-git");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("scaffold.yml:2") && r.err().contains("message_after_new"), r.err());
  }

  @Test
  void bundledTemplatesSayHowToBuildAndRelease() {
    var r = cli(tmp, "new", "java-library", "lib", "--defaults", "--set", "project_name=pay", "--set", "author_name=A",
        "--set", "author_email=a@example.com", "--no-git");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("\nNext steps:\n  cd lib\n  Build and test:     mvn -B verify\n"
        + "  Release a version:  git tag v0.1.0 && git push origin v0.1.0\n"), r.out());
    assertTrue(r.out().contains("create acme/pay on GitHub"), r.out());
    var s = cli(tmp, "new", "service", "svc", "--defaults", "--set", "project_name=greet", "--set", "author_name=A",
        "--set", "author_email=a@example.com", "--set", "port=9000", "--no-git");
    assertEquals(0, s.code(), s.err());
    assertTrue(s.out().contains("curl http://localhost:9000/health"), s.out());
    assertTrue(s.out().contains("docker run --rm -p 9000:9000 greet"), s.out());
  }

  @Test
  void updateSaysWhatToDoAboutConflictsThenTheTemplatesMessage() throws Exception {
    Path template = tmp.resolve("git-tpl");
    version(template, "v1.0.0", false, UpdateCommandTest.v1());
    Map<String, String> v2 = new LinkedHashMap<>(UpdateCommandTest.v2());
    v2.put("scaffold.yml", v2.get("scaffold.yml") + "message_after_update: 'Run ./check ${project_name} (${_template.version})'\n");
    version(template, "v2.0.0", true, v2);
    Path project = tmp.resolve("proj");
    var n = cli(tmp, "new", template.toString(), project.toString(), "--version", "v1.0.0", "--non-interactive",
        "--defaults", "--set", "project_name=demo", "--set", "license=Apache");
    assertEquals(0, n.code(), n.err());
    write(project.resolve("README.md"), "# demo\n\nLine A\nLine B mine\nLine C\nLine D\nLine E\nLine F\nLine G\n");
    commitAll(project, "my edits");
    Map<String, String> before = readTree(project);

    var dry = cli(tmp, "update", project.toString(), "--non-interactive", "--dry-run");
    assertFalse(dry.out().contains("Next steps"), "a plan has no next steps: " + dry.out());
    assertEquals(before, readTree(project));

    var r = cli(tmp, "update", project.toString(), "--non-interactive");
    assertEquals(3, r.code(), r.err());
    String out = r.out();
    int conflicts = out.indexOf("have conflicts to resolve:");
    int steps = out.indexOf("\nNext steps:\n");
    assertTrue(conflicts > 0 && steps > conflicts, out);
    assertTrue(out.substring(steps).contains("  Resolve the conflicts: edit each file listed at its <<<<<<< markers"), out);
    assertTrue(out.substring(steps).contains("  Review the changes (`git diff`), then commit them.\n"), out);
    assertTrue(out.endsWith("  Run ./check demo (v2.0.0)\n"), out);
  }

  @Test
  void updateJsonHasTheMessageAndNoBlock() throws Exception {
    Path template = tmp.resolve("git-tpl");
    Map<String, String> v1 = new LinkedHashMap<>(UpdateCommandTest.v1());
    version(template, "v1.0.0", false, v1);
    Map<String, String> v2 = new LinkedHashMap<>(UpdateCommandTest.v2());
    v2.put("scaffold.yml", v2.get("scaffold.yml") + "message_after_update: 'see CHANGELOG.md'\n");
    version(template, "v2.0.0", true, v2);
    Path project = tmp.resolve("proj");
    assertEquals(0, cli(tmp, "new", template.toString(), project.toString(), "--version", "v1.0.0", "--non-interactive",
        "--defaults").code());
    var r = cli(tmp, "update", project.toString(), "--non-interactive", "--json", "--commit");
    assertEquals(0, r.code(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals("see CHANGELOG.md", j.get("message").asText());
    assertFalse(r.out().contains("Next steps"));
  }
}
