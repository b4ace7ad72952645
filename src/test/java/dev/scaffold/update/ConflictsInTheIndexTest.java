package dev.scaffold.update;

import static dev.scaffold.update.TemplateFixture.binary;
import static dev.scaffold.update.TemplateFixture.cli;
import static dev.scaffold.update.TemplateFixture.commitAll;
import static dev.scaffold.update.TemplateFixture.git;
import static dev.scaffold.update.TemplateFixture.readTree;
import static dev.scaffold.update.TemplateFixture.version;
import static dev.scaffold.update.TemplateFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.answers.AnswersFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table: a tagged template built inline (v1, v2), a user edit, an update; then the exact tree,
 * the index's stages as {@code git ls-files -u} lists them, {@code git status --porcelain}, the
 * exit code and the recorded version.
 */
class ConflictsInTheIndexTest {

  @TempDir Path tmp;

  static final String SPEC = "name: demo\nquestions:\n  - name: project_name\n    default: demo\n";
  static final String TEXT_V1 = "a\nb\nc\nd\ne\nf\ng\n";
  static final String TEXT_V2 = "a\nb (v2)\nc\nd\ne\nf\ng\n";
  static final String TEXT_MINE = "a\nb (mine)\nc\nd\ne\nf\ng\n";

  /**
   * @param unmerged path → its stages in the index ("123", "23"), as {@code git ls-files -u} lists them
   * @param status {@code git status --porcelain}, the answers file left out
   */
  record Case(String name, Map<String, String> v1, Map<String, String> v2, Map<String, String> edits,
      List<String> args, int exit, Map<String, String> tree, Map<String, String> unmerged, String status,
      String says) {

    Case(String name, Map<String, String> v1, Map<String, String> v2, Map<String, String> edits, List<String> args,
        int exit, Map<String, String> tree, Map<String, String> unmerged, String status) {
      this(name, v1, v2, edits, args, exit, tree, unmerged, status, null);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** The user's edits: path → new text, or null to delete the file. */
  static Map<String, String> edits(String... pathsAndTexts) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pathsAndTexts.length; i += 2) {
      m.put(pathsAndTexts[i], pathsAndTexts[i + 1]);
    }
    return m;
  }

  static Map<String, String> files(String... pathsAndTexts) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("scaffold.yml", SPEC);
    for (int i = 0; i < pathsAndTexts.length; i += 2) {
      m.put("template/" + pathsAndTexts[i], pathsAndTexts[i + 1]);
    }
    return m;
  }

  static Stream<Case> cases() {
    String markers = "a\n<<<<<<< yours\nb (mine)\n=======\nb (v2)\n>>>>>>> template v2.0.0\nc\nd\ne\nf\ng\n";
    return Stream.of(
        new Case("inline conflict is unmerged; a clean merge stays an ordinary modification",
            files("README.md", TEXT_V1, "config.txt", TEXT_V1),
            files("README.md", TEXT_V2, "config.txt", "a\nb\nc\nd\ne\nf\ng (v2)\n"),
            Map.of("README.md", TEXT_MINE, "config.txt", TEXT_MINE), List.of(), 3,
            Map.of("README.md", markers, "config.txt", "a\nb (mine)\nc\nd\ne\nf\ng (v2)\n"),
            Map.of("README.md", "123"), "UU README.md\n M config.txt"),
        new Case("both added: stages 2 and 3 only",
            files("README.md", TEXT_V1),
            files("README.md", TEXT_V1, "new.txt", "template's\n"),
            Map.of("new.txt", "mine\n"), List.of(), 3,
            Map.of("README.md", TEXT_V1, "new.txt", "<<<<<<< yours\nmine\n=======\ntemplate's\n>>>>>>> template v2.0.0\n"),
            Map.of("new.txt", "23"), "AA new.txt"),
        new Case("--conflict rej: the file keeps your side, unmerged until git add; the hunks beside it",
            files("README.md", TEXT_V1),
            files("README.md", TEXT_V2),
            Map.of("README.md", TEXT_MINE), List.of("--conflict", "rej"), 3,
            Map.of("README.md", TEXT_MINE, "README.md.rej",
                "--- a/README.md\t(template v1.0.0)\n+++ b/README.md\t(template v2.0.0)\n@@ -2,1 +2,1 @@\n-b\n+b (v2)\n"),
            Map.of("README.md", "123"), "UU README.md\n?? README.md.rej"),
        new Case("binary changed on both sides: yours kept, unmerged",
            files("logo.bin", binary("v1")),
            files("logo.bin", binary("v2")),
            Map.of("logo.bin", binary("mine")), List.of(), 3,
            Map.of("logo.bin", binary("mine")),
            Map.of("logo.bin", "123"), "UU logo.bin"),
        new Case("no conflict: nothing unmerged, exit 0",
            files("README.md", TEXT_V1),
            files("README.md", TEXT_V2),
            Map.of(), List.of(), 0,
            Map.of("README.md", TEXT_V2),
            Map.of(), "M README.md"),
        new Case("a file you moved is followed by its blob id: the template's change lands at the new path",
            files("guide.md", TEXT_V1, "README.md", "readme\n"),
            files("guide.md", TEXT_V2, "README.md", "readme\n"),
            edits("guide.md", null, "docs/guide.md", TEXT_V1), List.of(), 0,
            Map.of("docs/guide.md", TEXT_V2, "README.md", "readme\n"),
            Map.of(), "M docs/guide.md", "updated   docs/guide.md  (from guide.md)"),
        new Case("a file you moved and edited is not found: it stays where you put it, and deleted at the old path",
            files("guide.md", TEXT_V1),
            files("guide.md", TEXT_V2),
            edits("guide.md", null, "docs/guide.md", TEXT_MINE), List.of(), 0,
            Map.of("docs/guide.md", TEXT_MINE),
            Map.of(), "", "deleted in your project"),
        new Case("a moved file the template leaves alone: nothing to do",
            files("guide.md", TEXT_V1, "README.md", "r1\n"),
            files("guide.md", TEXT_V1, "README.md", "r2\n"),
            edits("guide.md", null, "docs/guide.md", TEXT_V1), List.of(), 0,
            Map.of("docs/guide.md", TEXT_V1, "README.md", "r2\n"),
            Map.of(), "M README.md"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void updateRecordsConflictsInTheIndex(Case c) throws Exception {
    Path template = tmp.resolve("tpl");
    version(template, "v1.0.0", false, c.v1());
    version(template, "v2.0.0", false, c.v2());
    Path project = tmp.resolve("proj");
    var n = cli(tmp, "new", template.toString(), project.toString(), "--version", "v1.0.0", "--non-interactive",
        "--defaults");
    assertEquals(0, n.code(), n.err());
    for (var e : c.edits().entrySet()) {
      if (e.getValue() == null) {
        Files.delete(project.resolve(e.getKey()));
      } else {
        write(project.resolve(e.getKey()), e.getValue());
      }
    }
    commitAll(project, "my edits");

    List<String> args = new ArrayList<>(List.of("update", project.toString(), "--non-interactive"));
    args.addAll(c.args());
    var r = cli(tmp, args.toArray(String[]::new));
    assertEquals(c.exit(), r.code(), r.out() + r.err());
    if (c.says() != null) {
      assertTrue(r.out().contains(c.says()), r.out());
    }

    Map<String, String> tree = readTree(project);
    tree.remove(AnswersFile.NAME);
    assertEquals(new TreeMap<>(c.tree()), tree);
    assertEquals(c.unmerged(), stages(project));
    assertEquals(c.status(), status(project));
    assertEquals("v2.0.0", AnswersFile.readRecorded(project).version());
    // the answers file keeps its size (v1.0.0 -> v2.0.0): git must still see it changed (RacyEntriesTest pins the case down)
    assertTrue(git(project, "diff", "--name-only").lines().anyMatch(AnswersFile.NAME::equals),
        git(project, "status", "--porcelain"));
  }

  /** {@code git ls-files -u}: path → its stage numbers in order. */
  static Map<String, String> stages(Path project) throws Exception {
    Map<String, String> out = new TreeMap<>();
    for (String line : git(project, "ls-files", "-u").split("\n")) {
      if (!line.isBlank()) {
        String[] tab = line.split("\t", 2);
        String[] f = tab[0].split(" ");
        out.merge(tab[1], f[2], String::concat);
      }
    }
    return out;
  }

  /** {@code git status --porcelain} without the answers file's line. */
  static String status(Path project) throws Exception {
    return git(project, "status", "--porcelain").lines().filter(l -> !l.endsWith(AnswersFile.NAME))
        .reduce((a, b) -> a + "\n" + b).orElse("").strip();
  }

}
