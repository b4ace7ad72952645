package dev.scaffold.update;

import static dev.scaffold.update.TemplateFixture.cli;
import static dev.scaffold.update.TemplateFixture.git;
import static dev.scaffold.update.TemplateFixture.readTree;
import static dev.scaffold.update.TemplateFixture.version;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.answers.AnswersFile;
import dev.scaffold.template.TemplateVersion;
import dev.scaffold.testing.TreeSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code --version} takes any git ref and records its commit; PEP 440 post-releases order after their release. */
class GitRefTest {

  @TempDir Path tmp;
  Path template;
  String v1;
  String v2;
  String feature;

  private static Map<String, String> files(String text) {
    return Map.of("scaffold.yml", "name: demo\nquestions:\n  - {name: project_name, default: demo}\n",
        "template/README.md.ftl", "# ${project_name}\n", "template/app.txt", text);
  }

  @BeforeEach
  void template() throws Exception {
    template = tmp.resolve("tpl");
    version(template, "v1.0.0", false, files("one\ntwo\nthree\nfour\nfive\n"));
    v1 = git(template, "rev-parse", "HEAD").strip();
    version(template, "v2.0.0", true, files("one\ntwo\nthree v2\nfour\nfive\n"));
    v2 = git(template, "rev-parse", "HEAD").strip();
    git(template, "checkout", "-q", "-b", "feature", v1);
    version(template, null, false, files("one feature\ntwo\nthree\nfour\nfive\n"));
    feature = git(template, "rev-parse", "HEAD").strip();
    git(template, "checkout", "-q", "main");
  }

  static Stream<Arguments> refs() {
    // the ref given, the commit it must record (by name of the field), the app.txt it renders
    return Stream.<Arguments>of(
        Arguments.of("v1.0.0", (Function<GitRefTest, String>) t -> t.v1, "one\ntwo\nthree\nfour\nfive\n"),
        Arguments.of("main", (Function<GitRefTest, String>) t -> t.v2, "one\ntwo\nthree v2\nfour\nfive\n"),
        Arguments.of("HEAD", (Function<GitRefTest, String>) t -> t.v2, "one\ntwo\nthree v2\nfour\nfive\n"),
        Arguments.of("feature", (Function<GitRefTest, String>) t -> t.feature, "one feature\ntwo\nthree\nfour\nfive\n"),
        Arguments.of("FULL", (Function<GitRefTest, String>) t -> t.feature, "one feature\ntwo\nthree\nfour\nfive\n"),
        Arguments.of("SHORT", (Function<GitRefTest, String>) t -> t.v1, "one\ntwo\nthree\nfour\nfive\n"));
  }

  @ParameterizedTest
  @MethodSource("refs")
  void newTakesAnyRefAndRecordsItsCommit(String ref, Function<GitRefTest, String> commit, String app) throws Exception {
    String given = ref.equals("FULL") ? feature : ref.equals("SHORT") ? v1.substring(0, 7) : ref;
    Path project = tmp.resolve("proj");
    var r = cli(tmp, "new", template.toString(), project.toString(), "--version", given, "--non-interactive",
        "--defaults", "--no-git");
    assertEquals(0, r.code(), r.err());
    Map<String, String> tree = readTree(project);
    String answers = tree.remove(".scaffold-answers.yml");
    assertEquals(Map.of("README.md", "# demo\n", "app.txt", app), tree);
    // Read as YAML, not as text: a short SHA of digits only is written quoted so it stays a string.
    var recorded = AnswersFile.readRecorded(project);
    assertEquals(given, recorded.version(), answers);
    assertEquals(commit.apply(this), recorded.commit(), answers);
  }

  @Test
  void anUpdateToABranchAndOnFromItMergesFromTheRecordedCommit() throws Exception {
    Path project = tmp.resolve("proj");
    assertEquals(0, cli(tmp, "new", template.toString(), project.toString(), "--version", "v1.0.0",
        "--non-interactive", "--defaults").code());
    TemplateFixture.write(project.resolve("app.txt"), "one\ntwo\nthree\nfour\nfive mine\n");
    TemplateFixture.commitAll(project, "my edit");

    var toBranch = cli(tmp, "update", project.toString(), "--version", "feature", "--non-interactive");
    assertEquals(0, toBranch.code(), toBranch.err());
    assertEquals("one feature\ntwo\nthree\nfour\nfive mine\n", TemplateFixture.read(project.resolve("app.txt")));
    String answers = TemplateFixture.read(project.resolve(".scaffold-answers.yml"));
    assertTrue(answers.contains("_version: feature\n") && answers.contains("_commit: " + feature + "\n"), answers);
    TemplateFixture.commitAll(project, "on feature");

    // the branch moves on; the next update must merge from what the project got, not from the branch now
    git(template, "checkout", "-q", "feature");
    version(template, null, false, files("one feature\ntwo\nthree\nfour\nfive\nsix on the branch\n"));
    git(template, "checkout", "-q", "main");
    var toTag = cli(tmp, "update", project.toString(), "--version", "v2.0.0", "--non-interactive");
    assertEquals(0, toTag.code(), toTag.err() + toTag.out());
    // base = feature as recorded: the template's own change (one feature -> one, three -> three v2) lands,
    // the line only the moved branch added never appears, and the user's line stays
    assertEquals("one\ntwo\nthree v2\nfour\nfive mine\n", TemplateFixture.read(project.resolve("app.txt")));
    answers = TemplateFixture.read(project.resolve(".scaffold-answers.yml"));
    assertTrue(answers.contains("_version: v2.0.0\n") && answers.contains("_commit: " + v2 + "\n"), answers);
  }

  static Stream<Arguments> badRefs() {
    return Stream.of(
        Arguments.of("nosuch", "has no tag, branch or commit `nosuch`"),
        Arguments.of("main~1", "letters, digits"),
        Arguments.of("v1.0.0^{tree}", "letters, digits"),
        Arguments.of("main..feature", "not a valid git ref name"),
        Arguments.of("deadbeef", "has no tag, branch or commit `deadbeef`"));
  }

  @ParameterizedTest
  @MethodSource
  void badRefs(String ref, String expected) throws Exception {
    Path project = tmp.resolve("proj");
    assertEquals(0, cli(tmp, "new", template.toString(), project.toString(), "--version", "v1.0.0",
        "--non-interactive", "--defaults").code());
    TreeSnapshot before = TreeSnapshot.of(tmp);
    for (String command : List.of("new", "update")) {
      var r = command.equals("new")
          ? cli(tmp, "new", template.toString(), tmp.resolve("other").toString(), "--version", ref, "--non-interactive",
              "--defaults")
          : cli(tmp, "update", project.toString(), "--version", ref, "--non-interactive");
      assertEquals(2, r.code(), command + ": " + r.err());
      assertTrue(r.err().contains(expected), command + ": " + r.err());
      assertEquals(1, r.err().lines().filter(l -> l.startsWith("error")).count(), r.err());
    }
    before.assertUnchanged();
    assertFalse(Files.exists(tmp.resolve("other")));
  }

  @Test
  void postReleasesOrderAfterTheirRelease() {
    List<String> shuffled = List.of("v1.2.4", "1.2.3.post1", "v1.2.3", "v1.2.3.post2", "1.2.3rc1", "v1.2.3-post10",
        "1.2.3.post0", "1.2.2.post5");
    List<String> ordered = Versions.of(shuffled).tags();
    assertEquals(List.of("1.2.2.post5", "1.2.3rc1", "v1.2.3", "1.2.3.post0", "1.2.3.post1", "v1.2.3.post2",
        "v1.2.3-post10", "v1.2.4"), ordered);
    assertFalse(TemplateVersion.parse("v1.2.3.post1").orElseThrow().isPrerelease());
  }

  @Test
  void theNewestReleaseMayBeAPostRelease() throws Exception {
    Path project = tmp.resolve("proj");
    assertEquals(0, cli(tmp, "new", template.toString(), project.toString(), "--version", "v1.0.0",
        "--non-interactive", "--defaults").code());
    TemplateFixture.commitAll(project, "generated");
    version(template, "v2.0.0.post1", false, files("one\ntwo\nthree v2.post1\nfour\nfive\n"));
    var check = cli(tmp, "check", project.toString(), "--json");
    assertEquals(3, check.code(), check.err());
    assertTrue(check.out().contains("v2.0.0.post1"), check.out());
    var r = cli(tmp, "update", project.toString(), "--non-interactive");
    assertEquals(0, r.code(), r.err());
    assertEquals("one\ntwo\nthree v2.post1\nfour\nfive\n", TemplateFixture.read(project.resolve("app.txt")));
    assertTrue(TemplateFixture.read(project.resolve(".scaffold-answers.yml")).contains("_version: v2.0.0.post1\n"));
  }
}
