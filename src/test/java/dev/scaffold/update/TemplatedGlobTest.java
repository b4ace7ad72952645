package dev.scaffold.update;

import static dev.scaffold.update.TemplateFixture.cli;
import static dev.scaffold.update.TemplateFixture.readTree;
import static dev.scaffold.update.TemplateFixture.version;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.render.Glob;
import dev.scaffold.testing.TreeSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code exclude} and {@code skip_if_exists}: rendered with the answers, read as gitignore rules. */
class TemplatedGlobTest {

  @TempDir Path tmp;

  static Stream<Arguments> gitignoreRules() {
    return Stream.of(
        // rules, path, is a folder, matched
        Arguments.of(List.of("*.log"), "a/b/x.log", false, true),
        Arguments.of(List.of("*.log", "!keep.log"), "a/keep.log", false, false),
        Arguments.of(List.of("*.log", "!keep.log"), "a/other.log", false, true),
        Arguments.of(List.of("!keep.log", "*.log"), "keep.log", false, true), // the last rule that matches wins
        Arguments.of(List.of("build/"), "build", false, false), // folders only
        Arguments.of(List.of("build/"), "build", true, true),
        Arguments.of(List.of("build/"), "src/build/out.txt", false, true), // unanchored: any depth
        Arguments.of(List.of("/build/"), "src/build/out.txt", false, false), // anchored at the root
        Arguments.of(List.of("docs/api"), "x/docs/api", false, false), // an inner / anchors too
        Arguments.of(List.of("docs/api"), "docs/api/index.html", false, true),
        Arguments.of(List.of("docs/", "!docs/keep.md"), "docs/keep.md", false, false), // as copier: taken back
        Arguments.of(List.of("docs/", "!docs/keep.md"), "docs/other.md", false, true),
        Arguments.of(List.of("# a comment", ""), "# a comment", false, false),
        Arguments.of(List.of("\\#hash", "\\!bang"), "!bang", false, true),
        Arguments.of(List.of("\\#hash"), "#hash", false, true),
        Arguments.of(List.of("trailing.txt   "), "trailing.txt", false, true),
        Arguments.of(List.of("**/gen/**", "!**/gen/keep/**"), "a/gen/keep/x", false, false),
        Arguments.of(List.of("**/gen/**", "!**/gen/keep/**"), "a/gen/other/x", false, true));
  }

  @ParameterizedTest
  @MethodSource
  void gitignoreRules(List<String> rules, String path, boolean folder, boolean matched) {
    assertEquals(matched, new Glob(rules, "exclude").matches(path, folder), rules + " on " + path);
  }

  private static final String QUESTIONS = "questions:\n"
      + "  - {name: with_docs, type: bool, default: false}\n"
      + "  - {name: config_dir, default: conf}\n";

  private static Map<String, String> v1() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("scaffold.yml", "name: demo\n" + QUESTIONS
        + "exclude:\n"
        + "  - \"<#if !with_docs>docs/</#if>\"\n"
        + "  - \"*.log\"\n"
        + "  - \"!keep.log\"\n"
        + "  - \"drafts/\"\n"
        + "  - \"!drafts/published.md\"\n"
        + "skip_if_exists:\n"
        + "  - \"${config_dir}/\"\n"
        + "  - \"!${config_dir}/generated.txt\"\n");
    v.put("template/README.md", "readme\n");
    v.put("template/docs/guide.md", "guide\n");
    v.put("template/debug.log", "log\n");
    v.put("template/keep.log", "kept log\n");
    v.put("template/drafts/secret.md", "draft\n");
    v.put("template/drafts/published.md", "published\n");
    v.put("template/${config_dir}/local.txt", "local v1\n");
    v.put("template/${config_dir}/generated.txt", "generated v1\n");
    return v;
  }

  @Test
  void excludeIsRenderedWithTheAnswersAndReadAsGitignoreRules() throws Exception {
    Path template = tmp.resolve("tpl");
    version(template, "v1.0.0", false, v1());
    record Case(List<String> sets, Map<String, String> tree) {}
    List<Case> cases = List.of(
        new Case(List.of(), tree("README.md", "readme\n", "keep.log", "kept log\n", "drafts/published.md", "published\n",
            "conf/local.txt", "local v1\n", "conf/generated.txt", "generated v1\n")),
        new Case(List.of("--set", "with_docs=true", "--set", "config_dir=etc"), tree("README.md", "readme\n",
            "docs/guide.md", "guide\n", "keep.log", "kept log\n", "drafts/published.md", "published\n",
            "etc/local.txt", "local v1\n", "etc/generated.txt", "generated v1\n")));
    int i = 0;
    for (Case c : cases) {
      Path project = tmp.resolve("p" + i++);
      List<String> args = new java.util.ArrayList<>(List.of("new", template.toString(), project.toString(),
          "--non-interactive", "--defaults", "--no-git"));
      args.addAll(c.sets());
      var r = cli(tmp, args.toArray(String[]::new));
      assertEquals(0, r.code(), r.err());
      Map<String, String> tree = readTree(project);
      tree.remove(".scaffold-answers.yml");
      assertEquals(c.tree(), tree, "with " + c.sets());
      // a taken-back file inside an excluded folder brings its folder; the excluded one stays out
      assertFalse(Files.exists(project.resolve("drafts/secret.md")));
    }
  }

  @Test
  void skipIfExistsIsRenderedAndANegationLetsTheMergeUpdateAFile() throws Exception {
    Path template = tmp.resolve("tpl");
    version(template, "v1.0.0", false, v1());
    Map<String, String> v2 = v1();
    v2.put("template/${config_dir}/local.txt", "local v2\n");
    v2.put("template/${config_dir}/generated.txt", "generated v2\n");
    v2.put("template/README.md", "readme v2\n");
    version(template, "v2.0.0", false, v2);
    Path project = tmp.resolve("proj");
    var n = cli(tmp, "new", template.toString(), project.toString(), "--version", "v1.0.0", "--non-interactive",
        "--defaults", "--set", "config_dir=settings");
    assertEquals(0, n.code(), n.err());
    var r = cli(tmp, "update", project.toString(), "--non-interactive");
    assertEquals(0, r.code(), r.err() + r.out());
    Map<String, String> tree = readTree(project);
    String answers = tree.remove(".scaffold-answers.yml");
    assertEquals(tree("README.md", "readme v2\n", "keep.log", "kept log\n", "drafts/published.md", "published\n",
        "settings/local.txt", "local v1\n", "settings/generated.txt", "generated v2\n"), tree);
    assertTrue(answers.contains("_version: v2.0.0") && answers.contains("config_dir: settings"), answers);
  }

  /** One bad entry each: exit 2, one line naming scaffold.yml and the entry's line, nothing written. */
  static Stream<Arguments> hostileEntries() {
    return Stream.of(
        Arguments.of("exclude", "\"${up}/secrets\"", "leaves the project"),
        Arguments.of("exclude", "\"${'/'}/etc/passwd\"", "is a path of this machine"),
        Arguments.of("skip_if_exists", "\"!${up}\"", "leaves the project"),
        Arguments.of("skip_if_exists", "\"${missing_answer}\"", "missing_answer"),
        Arguments.of("exclude", "\"<#list 1..5000 as i>x</#list>\"", "longer than 4096"),
        Arguments.of("exclude", "\"${'a\\nb'}\"", "line break"),
        Arguments.of("exclude", "\"<#list 1.. as i></#list>\"", "render time limit"),
        Arguments.of("skip_if_exists", "\"[${up}\"", "is never closed"));
  }

  @ParameterizedTest
  @MethodSource
  void hostileEntries(String key, String entry, String expected) throws Exception {
    Path template = tmp.resolve("tpl");
    version(template, "v1.0.0", false, Map.of(
        "scaffold.yml", "name: demo\nquestions:\n  - {name: up, default: '..'}\n" + key + ":\n  - ok.txt\n  - " + entry
            + "\n",
        "template/a.txt", "a\n"));
    Path project = tmp.resolve("proj");
    Map<String, String> before = TreeSnapshot.of(tmp).entries();
    System.setProperty("scaffold.renderTimeout", "1");
    try {
      var r = cli(tmp, "new", template.toString(), project.toString(), "--non-interactive", "--defaults", "--no-git");
      assertEquals(2, r.code(), r.err());
      assertTrue(r.err().contains("scaffold.yml:6"), r.err());
      assertTrue(r.err().contains(expected), r.err());
      assertFalse(Files.exists(project));
      assertEquals(before, TreeSnapshot.of(tmp).entries());
    } finally {
      System.clearProperty("scaffold.renderTimeout");
    }
  }

  @Test
  void aPathologicalPatternMatchesInLinearTime() {
    // a backtracking matcher takes exponential time on this pair
    String pattern = "**/" + "*a".repeat(40) + "b";
    String path = "d/" + "a".repeat(2000);
    Glob glob = new Glob(List.of(pattern, "!" + pattern), "exclude");
    long start = System.nanoTime();
    for (int i = 0; i < 10; i++) {
      assertFalse(glob.matches(path));
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis < 2000, "10 matches took " + millis + " ms");
  }

  private static Map<String, String> tree(String... pairs) {
    Map<String, String> m = new TreeMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }
}
