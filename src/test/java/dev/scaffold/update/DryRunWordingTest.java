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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code update --dry-run} words its listing and summary as a plan; a real run and --json keep their words. */
class DryRunWordingTest {

  @TempDir Path tmp;
  Path project;

  /** A project whose update has every outcome: conflict, merged, updated, added, removed, kept, unchanged. */
  @BeforeEach
  void projectWithEveryOutcome() throws Exception {
    Path template = tmp.resolve("tpl");
    version(template, "v1.0.0", false, UpdateCommandTest.v1());
    version(template, "v2.0.0", true, UpdateCommandTest.v2());
    project = tmp.resolve("proj");
    var n = cli(tmp, "new", template.toString(), project.toString(), "--version", "v1.0.0", "--non-interactive",
        "--defaults", "--set", "project_name=demo", "--set", "license=Apache");
    assertEquals(0, n.code(), n.err());
    write(project.resolve("README.md"), "# demo\n\nLine A\nLine B mine\nLine C\nLine D\nLine E\nLine F\nLine G\n");
    write(project.resolve("config.txt"), "alpha=100\nbeta=2\ngamma=3\ndelta=4\nepsilon=5\nzeta=6\n");
    Files.delete(project.resolve("guide.md"));
    commitAll(project, "my edits");
  }

  @Test
  void dryRunListsAPlanAndSummarisesWhatWouldChange() throws Exception {
    Map<String, String> before = readTree(project);
    var r = cli(tmp, "update", project.toString(), "--non-interactive", "--dry-run");
    // exit 3 as for the real run: a CI job's dry run can fail on conflicts it would leave
    assertEquals(3, r.code(), r.err());
    assertEquals(before, readTree(project));
    String out = r.out();
    for (String line : new String[] {"  would conflict README.md", "  would merge    config.txt",
        "  would update   LICENSE", "  would add      CHANGELOG.md", "  would remove   obsolete.txt",
        "  would keep     guide.md", "  unchanged      same.md",
        "\n10 files would change, 1 would conflict, 2 would keep yours; nothing was written.\n",
        "\n1 file(s) would have conflicts to resolve:\n  README.md\n"}) {
      assertTrue(out.contains(line), line + " in\n" + out);
    }
    // no past-tense outcome word is left in the plan
    for (String done : new String[] {"  updated ", "  merged ", "  conflict ", "  added ", "  removed ", "  kept "}) {
      assertFalse(out.contains(done), done + " in\n" + out);
    }
  }

  @Test
  void realRunKeepsItsPastTenseWords() throws Exception {
    var r = cli(tmp, "update", project.toString(), "--non-interactive");
    assertEquals(3, r.code(), r.err());
    String out = r.out();
    for (String line : new String[] {"  conflict  README.md", "  merged    config.txt", "  updated   LICENSE",
        "  added     CHANGELOG.md", "  removed   obsolete.txt", "  kept      guide.md",
        "\n1 unchanged, 6 updated, 1 merged, 1 conflict, 2 added, 1 removed, 2 kept.\n",
        "\n1 file(s) have conflicts to resolve:\n"}) {
      assertTrue(out.contains(line), line + " in\n" + out);
    }
    assertFalse(out.contains("would"), out);
    assertFalse(out.contains("same.md"), "a real run lists only what it touched\n" + out);
  }

  @Test
  void jsonOfADryRunKeepsTheStableActionNames() throws Exception {
    var r = cli(tmp, "update", project.toString(), "--non-interactive", "--dry-run", "--json");
    assertEquals(3, r.code(), r.err());
    JsonNode tree = new ObjectMapper().readTree(r.out());
    assertEquals("planned", tree.get("status").asText());
    assertTrue(tree.get("dry_run").asBoolean());
    Map<String, String> actions = new HashMap<>();
    tree.get("files").forEach(f -> actions.put(f.get("path").asText(), f.get("action").asText()));
    assertEquals(Map.ofEntries(Map.entry("CHANGELOG.md", "added"), Map.entry("LICENSE", "updated"),
        Map.entry("README.md", "conflict"), Map.entry("VERSION", "updated"), Map.entry("ci.yml", "added"),
        Map.entry("config.txt", "merged"), Map.entry("guide.md", "kept"), Map.entry("local.properties", "kept"),
        Map.entry("logo.bin", "updated"), Map.entry("notes.txt", "updated"), Map.entry("obsolete.txt", "removed"),
        Map.entry("run.sh", "updated"), Map.entry("same.md", "unchanged"), Map.entry("src/app/main.py", "updated")),
        actions);
    assertEquals("[\"README.md\"]", tree.get("conflicts").toString());
  }
}
