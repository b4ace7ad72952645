package dev.scaffold.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.testing.Cli;
import dev.scaffold.testing.FileTree;
import dev.scaffold.testing.TreeSnapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Globs and regular expressions a template hands to scaffold: a malformed glob is an exit-2 error
 * naming it, a glob is never a regex in disguise, matching is linear, and a {@code validate}
 * pattern that backtracks without end stops at the time limit. Every refused run leaves the folder
 * it ran in as it was.
 */
class HostileGlobTest {

  private static final Map<String, String> QUICK = Map.of("SCAFFOLD_RENDER_TIMEOUT", "0.5");

  @TempDir Path dir;

  private static String yml(String extra) {
    return "name: hostile\nquestions:\n  - name: name\n    default: demo\n" + extra;
  }

  private Cli.Run run(Map<String, String> template, String answers, String... args) {
    FileTree.write(dir.resolve("tpl"), template);
    FileTree.write(dir, Map.of("sentinel.txt", "mine\n", "answers.yml", answers));
    List<String> all = new ArrayList<>(List.of(args));
    return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Cli.run(dir, QUICK, all.toArray(String[]::new)));
  }

  /** Runs {@code new} and checks it is refused with one error line holding {@code expected}, nothing changed. */
  private void refused(Map<String, String> template, String answers, String expected) {
    FileTree.write(dir.resolve("tpl"), template);
    FileTree.write(dir, Map.of("sentinel.txt", "mine\n", "answers.yml", answers));
    TreeSnapshot before = TreeSnapshot.of(dir);
    Cli.Run r = run(template, answers, "new", "tpl", "out", "--answers", "answers.yml", "--non-interactive", "--no-github");
    assertEquals(2, r.exit(), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    List<String> errors = r.err().lines().filter(l -> l.startsWith("error")).toList();
    assertEquals(1, errors.size(), r.err());
    assertTrue(r.err().contains(expected), "expected `" + expected + "` in: " + r.err());
    before.assertUnchanged();
  }

  @Test
  void anUnclosedBracketInExcludeIsRefused() {
    refused(Map.of("scaffold.yml", yml("exclude: ['[abc']\n"), "template/a.txt", "a"), "name: x\n",
        "/scaffold.yml:5 exclude: `[abc` is not a valid glob: the `[` at position 1 is never closed");
  }

  @Test
  void aBackwardsRangeInExcludeIsRefused() {
    refused(Map.of("scaffold.yml", yml("exclude: ['*.[z-a]']\n"), "template/a.txt", "a"), "name: x\n",
        "/scaffold.yml:5 exclude: `*.[z-a]` is not a valid glob: the range `z-a` runs backwards");
  }

  @Test
  void aRegexGroupSmuggledIntoABracketIsRefused() {
    refused(Map.of("scaffold.yml", yml("exclude: ['[(?<x>a)|.*']\n"), "template/a.txt", "a"), "name: x\n",
        "/scaffold.yml:5 exclude: `[(?<x>a)|.*` is not a valid glob");
  }

  @Test
  void aBadSkipIfExistsGlobIsRefusedByNew() {
    refused(Map.of("scaffold.yml", yml("skip_if_exists: ['README.md', 'src/[!]']\n"), "template/a.txt", "a"), "name: x\n",
        "/scaffold.yml:5 skip_if_exists: `src/[!]` is not a valid glob");
  }

  @Test
  void regexSyntaxInABracketIsMatchedAsPlainCharacters() {
    // once pasted into a regex: [\d] meant a digit, [a&&b] an empty intersection
    Map<String, String> t = Map.of("scaffold.yml", yml("exclude: ['[\\d].txt', '[a&&b].md']\n"),
        "template/d.txt", "d", "template/5.txt", "5", "template/&.md", "&", "template/c.md", "c");
    Cli.Run r = run(t, "name: x\n", "new", "tpl", "out", "--answers", "answers.yml", "--non-interactive", "--no-github", "--no-git");
    assertEquals(0, r.exit(), r.err());
    assertEquals(List.of(".scaffold-answers.yml", "5.txt", "c.md"), FileTree.list(dir.resolve("out")));
  }

  @Test
  void aPathologicalGlobOnALongNameIsQuick() {
    String glob = "*a".repeat(30) + "*c";
    String name = "a".repeat(200) + ".txt";
    Map<String, String> t = Map.of("scaffold.yml", yml("exclude: ['" + glob + "', '**/" + "**/".repeat(30) + "z']\n"),
        "template/" + "d/".repeat(20) + name, "x");
    long start = System.nanoTime();
    Cli.Run r = run(t, "name: x\n", "new", "tpl", "out", "--answers", "answers.yml", "--non-interactive", "--no-github", "--no-git");
    assertEquals(0, r.exit(), r.err());
    assertTrue(FileTree.list(dir.resolve("out")).contains("d/".repeat(20) + name));
    assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos());
  }

  @Test
  void lintNamesABadGlob() {
    Map<String, String> t = Map.of("scaffold.yml", yml("exclude: ['[z-a]']\n"), "template/a.txt", "a");
    FileTree.write(dir.resolve("tpl"), t);
    TreeSnapshot before = TreeSnapshot.of(dir);
    Cli.Run r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Cli.run(dir, QUICK, "template", "lint", "tpl"));
    assertEquals(2, r.exit(), r.out() + r.err());
    assertTrue((r.out() + r.err()).contains("scaffold.yml exclude: `[z-a]` is not a valid glob"), r.out() + r.err());
    before.assertUnchanged();
  }

  @Test
  void aCatastrophicValidatePatternStopsAtTheTimeLimit() {
    // java.util.regex memoizes plain nested loops such as ^(a+)+$; a backreference defeats that
    String answer = "a".repeat(40) + "b";
    refused(Map.of("scaffold.yml", "name: hostile\nquestions:\n  - name: name\n    validate: '^(a+)+\\1$'\n", "template/a.txt", "a"),
        "name: " + answer + "\n",
        "error: question `name` validate: the pattern `^(a+)+\\1$` took longer than 0.5 s on the answer (a pattern that "
            + "backtracks without end?); raise the limit with SCAFFOLD_RENDER_TIMEOUT=SECONDS");
  }

  @Test
  void aCatastrophicValidatePatternDoesNotShowASecret() {
    String answer = "a".repeat(40) + "s3cr3t";
    refused(Map.of("scaffold.yml", "name: hostile\nquestions:\n  - name: token\n    type: secret\n    validate: '^(?:a|a){1,100}b'\n",
        "template/a.txt", "a"), "token: " + answer + "\n", "error: question `token` validate: the pattern `^(?:a|a){1,100}b` took longer");
    Cli.Run again = run(Map.of(), "token: " + answer + "\n", "new", "tpl", "out", "--answers", "answers.yml", "--non-interactive");
    assertFalse(again.err().contains("s3cr3t"), again.err());
  }

  @Test
  void anInvalidValidatePatternNamesTheQuestion() {
    refused(Map.of("scaffold.yml", "name: hostile\nquestions:\n  - name: name\n    validate: '[a-'\n", "template/a.txt", "a"),
        "name: a\n", "question `name`: `validate` is not a valid regular expression");
  }
}
