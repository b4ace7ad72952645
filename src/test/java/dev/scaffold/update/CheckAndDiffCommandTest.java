package dev.scaffold.update;

import static dev.scaffold.update.TemplateFixture.cli;
import static dev.scaffold.update.TemplateFixture.commitAll;
import static dev.scaffold.update.TemplateFixture.version;
import static dev.scaffold.update.TemplateFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scaffold check} (exit 0/3/2, --json for CI) and {@code scaffold diff} (drift from a fresh render). */
class CheckAndDiffCommandTest {

  @TempDir Path tmp;
  Path template;
  Path project;

  @BeforeEach
  void generate() throws Exception {
    template = tmp.resolve("tpl");
    version(template, "v1.0.0", false, UpdateCommandTest.v1());
    version(template, "v2.0.0", true, UpdateCommandTest.v2());
    version(template, "v3.0.0rc1", false, UpdateCommandTest.v2());
    version(template, "latest", false, UpdateCommandTest.v2());
    project = tmp.resolve("proj");
    var r = cli(tmp, "new", template.toString(), project.toString(), "--version", "v1.0.0", "--non-interactive",
        "--defaults");
    assertEquals(0, r.code(), r.err());
  }

  @Test
  void checkExitsThreeWhenANewerReleaseExistsAndZeroOnceUpdated() throws Exception {
    var r = cli(tmp, "check", project.toString());
    assertEquals(3, r.code(), r.err());
    assertEquals("Update available: " + template + " v1.0.0 → v2.0.0 (run `scaffold update`)\n", r.out());

    assertEquals(0, cli(tmp, "update", project.toString(), "--non-interactive").code());
    commitAll(project, "update");
    var now = cli(tmp, "check", project.toString());
    assertEquals(0, now.code(), now.err());
    assertEquals("Up to date: " + template + " v2.0.0 (newest v2.0.0)\n", now.out());
    assertEquals(3, cli(tmp, "check", project.toString(), "--prerelease").code());
  }

  @Test
  void checkJsonNamesVersionsAndIgnoredTags() throws Exception {
    var r = cli(tmp, "check", project.toString(), "--json", "--prerelease", "--verbose");
    assertEquals(3, r.code(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals("v1.0.0", j.get("current").asText());
    assertEquals("v3.0.0rc1", j.get("newest").asText());
    assertTrue(j.get("update_available").asBoolean());
    assertEquals("[\"v1.0.0\",\"v2.0.0\",\"v3.0.0rc1\"]", j.get("versions").toString());
    assertEquals("[\"latest\"]", j.get("ignored_tags").toString());
    assertTrue(r.err().contains("ignoring tag `latest`: not a version"), r.err());
  }

  @Test
  void checkExitsTwoForAMissingOrBrokenAnswersFile() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    var none = cli(tmp, "check", empty.toString());
    assertEquals(2, none.code());
    assertTrue(none.err().contains(".scaffold-answers.yml: not found"), none.err());

    write(project.resolve(".scaffold-answers.yml"), "_version: [1, 2\n");
    var broken = cli(tmp, "check", project.toString());
    assertEquals(2, broken.code());
    assertTrue(broken.err().contains(".scaffold-answers.yml:"), broken.err());

    write(project.resolve(".scaffold-answers.yml"), "_version: v1.0.0\nproject_name: demo\n");
    var noTemplate = cli(tmp, "check", project.toString());
    assertEquals(2, noTemplate.code());
    assertTrue(noTemplate.err().contains("`_template` is missing"), noTemplate.err());
  }

  @Test
  void aFolderTemplateHasNoVersionsAndCheckAndUpdateSaySo() throws Exception {
    Path folder = tmp.resolve("folder-tpl");
    TemplateFixture.writeTree(folder, UpdateCommandTest.v1());
    Path p = tmp.resolve("from-folder");
    assertEquals(0, cli(tmp, "new", folder.toString(), p.toString(), "--non-interactive", "--defaults").code());
    var check = cli(tmp, "check", p.toString());
    assertEquals(2, check.code());
    assertTrue(check.err().contains("has no recorded version: it was a plain folder"), check.err());
    var update = cli(tmp, "update", p.toString(), "--non-interactive");
    assertEquals(2, update.code());
    assertTrue(update.err().contains("Updates need the old version to merge from"), update.err());
    // diff still works: it compares with the folder as it is now
    var diff = cli(tmp, "diff", p.toString(), "--json");
    assertEquals(0, diff.code(), diff.err());
    assertEquals("[]", new ObjectMapper().readTree(diff.out()).get("changed").toString());
  }

  @Test
  void diffShowsDriftFromAFreshRenderOfTheRecordedVersion() throws Exception {
    var clean = cli(tmp, "diff", project.toString());
    assertEquals(0, clean.code(), clean.err());
    assertEquals("", clean.out());

    write(project.resolve("README.md"), "# demo\n\nLine A\nLine B mine\nLine C\nLine D\nLine E\nLine F\nLine G\n");
    Files.delete(project.resolve("guide.md"));
    write(project.resolve("mine.txt"), "mine\n");
    var text = cli(tmp, "diff", project.toString());
    assertEquals(0, text.code(), text.err());
    assertTrue(text.out().startsWith("diff --scaffold a/README.md b/README.md\n--- a/README.md\n+++ b/README.md\n"
        + "@@ -1,7 +1,7 @@\n # demo\n \n Line A\n-Line B\n+Line B mine\n Line C\n Line D\n Line E\n"
        + "diff --scaffold a/guide.md"), text.out());
    assertTrue(text.out().contains("deleted file\n--- a/guide.md\n+++ /dev/null\n@@ -1 +0,0 @@\n-guide v1\n"), text.out());
    assertTrue(text.out().contains("new file\n--- /dev/null\n+++ b/mine.txt\n@@ -0,0 +1 @@\n+mine\n"), text.out());

    var json = cli(tmp, "diff", project.toString(), "--json");
    JsonNode j = new ObjectMapper().readTree(json.out());
    assertEquals("v1.0.0", j.get("version").asText());
    assertEquals("[\"README.md\"]", j.get("changed").toString());
    assertEquals("[\"mine.txt\"]", j.get("added").toString());
    assertEquals("[\"guide.md\"]", j.get("removed").toString());
  }
}
