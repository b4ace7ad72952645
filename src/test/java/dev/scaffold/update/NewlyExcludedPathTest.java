package dev.scaffold.update;

import static dev.scaffold.update.TemplateFixture.cli;
import static dev.scaffold.update.TemplateFixture.git;
import static dev.scaffold.update.TemplateFixture.readTree;
import static dev.scaffold.update.TemplateFixture.version;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A path the new version starts to exclude is the project's now: update leaves it alone, never deletes it. */
class NewlyExcludedPathTest {

  @TempDir Path tmp;

  @Test
  void pathsTheNewVersionExcludesStayAsTheyAre() throws Exception {
    Path template = tmp.resolve("tpl");
    Map<String, String> v1 = new LinkedHashMap<>();
    v1.put("scaffold.yml", "name: demo\nquestions:\n  - name: project_name\n    default: demo\n");
    v1.put("template/README.md.ftl", "# ${project_name}\n");
    v1.put("template/docs/guide.md", "guide v1\n");
    v1.put("template/build.log", "log v1\n");
    v1.put("template/notes.txt.ftl", "notes of ${project_name}\n");
    v1.put("template/gone.txt", "gone\n");
    version(template, "v1.0.0", false, v1);
    Map<String, String> v2 = new LinkedHashMap<>(v1);
    // by output folder, by output name, and by source name; guide.md also changes, which must not matter
    v2.put("scaffold.yml", "name: demo\nquestions:\n  - name: project_name\n    default: demo\n"
        + "exclude: [\"docs/\", build.log, notes.txt.ftl]\n");
    v2.put("template/docs/guide.md", "guide v2\n");
    v2.remove("template/gone.txt"); // removed by the template: still deleted, for contrast
    version(template, "v2.0.0", true, v2);

    Path project = tmp.resolve("proj");
    var n = cli(tmp, "new", template.toString(), project.toString(), "--version", "v1.0.0", "--non-interactive",
        "--defaults");
    assertEquals(0, n.code(), n.err());
    TemplateFixture.commitAll(project, "generated");

    var plan = cli(tmp, "update", project.toString(), "--non-interactive", "--dry-run", "--json");
    assertEquals(0, plan.code(), plan.err());
    Map<String, String> actions = new HashMap<>();
    new ObjectMapper().readTree(plan.out()).get("files")
        .forEach(f -> actions.put(f.get("path").asText(), f.get("action").asText()));
    assertEquals(Map.of("README.md", "unchanged", "docs/guide.md", "kept", "build.log", "kept", "notes.txt", "kept",
        "gone.txt", "removed"), actions);

    var r = cli(tmp, "update", project.toString(), "--non-interactive");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("kept      build.log  - excluded by template v2.0.0: left alone in your project"), r.out());
    Map<String, String> tree = readTree(project);
    tree.remove(".scaffold-answers.yml");
    assertEquals(Map.of("README.md", "# demo\n", "docs/guide.md", "guide v1\n", "build.log", "log v1\n",
        "notes.txt", "notes of demo\n"), tree);
    // in git's eyes: the new version recorded, the removed file deleted, the excluded ones untouched
    assertEquals("M .scaffold-answers.yml\n D gone.txt", git(project, "status", "--porcelain").strip());
  }
}
