package dev.scaffold.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.testing.Cli;
import dev.scaffold.testing.FileTree;
import dev.scaffold.testing.Git;
import dev.scaffold.testing.TreeSnapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Templates that loop for ever, recurse without end or write without bound: each run stops with
 * an exit-2 line naming the file at fault and the limit to raise, and leaves the folder it ran in
 * as it was (no destination, no staging folder, the sentinel untouched). Small limits keep it quick.
 */
class RenderLimitsTest {

  private static final Map<String, String> SMALL = Map.of(
      "SCAFFOLD_RENDER_TIMEOUT", "0.5", "SCAFFOLD_MAX_FILE_SIZE", "4K", "SCAFFOLD_MAX_OUTPUT", "16K");
  private static final String YML = """
      name: hostile
      questions:
        - name: name
          default: demo
      """;

  @TempDir Path dir;

  /** Runs {@code new} on a template of {@code files} (plus scaffold.yml unless given) and checks that nothing changed. */
  private Cli.Run refused(Map<String, String> files, Map<String, String> env, String... extra) {
    return refusedWith(files, env, "name: demo\n", extra);
  }

  private Cli.Run refusedWith(Map<String, String> files, Map<String, String> env, String answers, String... extra) {
    Map<String, String> all = new HashMap<>(files);
    all.putIfAbsent("scaffold.yml", YML);
    FileTree.write(dir.resolve("tpl"), all);
    FileTree.write(dir, Map.of("sentinel.txt", "mine\n", "answers.yml", answers));
    TreeSnapshot before = TreeSnapshot.of(dir);
    List<String> args = new ArrayList<>(List.of("new", "tpl", "out", "--answers", "answers.yml", "--non-interactive", "--no-github"));
    args.addAll(List.of(extra));
    Cli.Run r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Cli.run(dir, env, args.toArray(String[]::new)));
    assertEquals(2, r.exit(), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace without --verbose: " + r.err());
    assertEquals(1, r.err().lines().filter(l -> l.startsWith("error")).count(), "one error line: " + r.err());
    before.assertUnchanged();
    return r;
  }

  private static void assertError(Cli.Run r, String expected) {
    assertTrue(r.err().contains(expected), "expected `" + expected + "` in: " + r.err());
  }

  @Test
  void anEndlessLoopStopsAtTheTimeLimit() {
    Cli.Run r = refused(Map.of("template/loop.txt.ftl", "<#list 1.. as i></#list>"), SMALL);
    assertError(r, "error: template/loop.txt.ftl: rendering took longer than 0.5 s (the render time limit: a loop "
        + "without end?); raise it with SCAFFOLD_RENDER_TIMEOUT=SECONDS");
  }

  @Test
  void aHugeRangeStopsAtTheTimeLimit() {
    Cli.Run r = refused(Map.of("template/range.txt.ftl", "<#list 1..999999999999 as i><#assign x = i></#list>"), SMALL);
    assertError(r, "template/range.txt.ftl: rendering took longer than 0.5 s");
  }

  @Test
  void aHugeRangeThatWritesStopsAtTheFileSizeLimit() {
    Cli.Run r = refused(Map.of("template/range.txt.ftl", "<#list 1..999999999999 as i>${i}</#list>"), SMALL);
    assertError(r, "error: template/range.txt.ftl: renders more than 4K characters (the output limit per file); "
        + "raise it with SCAFFOLD_MAX_FILE_SIZE=SIZE, such as 64M");
  }

  @Test
  void endlessMacroRecursionIsAnInputError() {
    Cli.Run r = refused(Map.of("template/m.txt.ftl", "<#macro m n>${n}<@m n + 1/></#macro><@m 1/>"), Map.of());
    assertError(r, "error: template/m.txt.ftl: recursion too deep while rendering");
  }

  @Test
  void endlessFunctionRecursionIsAnInputError() {
    Cli.Run r = refused(Map.of("template/f.txt.ftl", "<#function f n><#return f(n + 1)></#function>${f(1)}"), Map.of());
    assertError(r, "error: template/f.txt.ftl: recursion too deep while rendering");
  }

  @Test
  void aStringDoubledInALoopIsStopped() {
    Cli.Run r = refused(Map.of("template/s.txt.ftl", "<#assign s = \"x\"><#list 1..40 as i><#assign s = s + s></#list>${s}"),
        Map.of("SCAFFOLD_RENDER_TIMEOUT", "2"));
    // whichever comes first on this machine: the time limit, or the heap
    assertTrue(r.err().contains("error: template/s.txt.ftl: rendering took longer than 2 s")
        || r.err().contains("error: template/s.txt.ftl: ran out of memory while rendering"), r.err());
  }

  @Test
  void theTotalOutputLimitHoldsOverAParallelRender() {
    Map<String, String> files = new HashMap<>();
    for (int i = 0; i < 40; i++) {
      files.put("template/f" + i + ".txt.ftl", "<#list 1..1000 as i>x</#list>");
    }
    Cli.Run r = refused(files, SMALL);
    assertTrue(r.err().lines().anyMatch(l -> l.matches("error: template/f\\d+\\.txt\\.ftl: the render's output passed 16K "
        + "characters in total \\(the total output limit\\); raise it with SCAFFOLD_MAX_OUTPUT=SIZE, such as 1G")), r.err());
  }

  @Test
  void aLongAnswerInAPlainFileObeysTheFileSizeLimit() {
    Cli.Run r = refusedWith(Map.of("template/README.md.ftl", "# ${name}\n"), SMALL, "name: " + "y".repeat(5000) + "\n");
    assertError(r, "error: template/README.md.ftl: renders more than 4K characters");
  }

  @Test
  void aPathSegmentObeysTheFileSizeLimit() {
    Cli.Run r = refused(Map.of("template/${(1..100000)?join('')}.txt", "x"), SMALL);
    assertError(r, "renders more than 4K characters");
    assertError(r, "template/${(1..100000)?join('')}.txt");
  }

  @Test
  void aComputedValueThatLoopsStopsAtTheTimeLimit() {
    String yml = YML + "computed:\n  slug: '<#list 1.. as i></#list>'\n";
    Cli.Run r = refused(Map.of("scaffold.yml", yml, "template/a.txt", "a"), SMALL);
    assertError(r, "error: computed `slug`: rendering took longer than 0.5 s");
  }

  @Test
  void aQuestionConditionThatLoopsStopsAtTheTimeLimit() {
    String yml = YML + "  - name: extra\n    when: '<#list 1.. as i></#list>true'\n";
    Cli.Run r = refused(Map.of("scaffold.yml", yml, "template/a.txt", "a"), SMALL);
    assertError(r, "question `extra` when: rendering took longer than 0.5 s");
  }

  @Test
  void aDryRunStopsAtTheLimitsToo() {
    Cli.Run r = refused(Map.of("template/loop.txt.ftl", "<#list 1.. as i></#list>"), SMALL, "--dry-run");
    assertError(r, "template/loop.txt.ftl: rendering took longer than 0.5 s");
  }

  @Test
  void anUpdateToAVersionThatLoopsStopsAndLeavesTheProjectAsItWas() {
    Path tpl = dir.resolve("gtpl");
    FileTree.write(tpl, Map.of("scaffold.yml", YML, "template/README.md.ftl", "# ${name}\n"));
    Git.run(dir, "init", "-q", "-b", "main", tpl.toString());
    commitAndTag(tpl, "v1.0.0");
    Cli.Run made = Cli.run(dir, Map.of(), "new", tpl.toString(), "proj", "--defaults", "--non-interactive", "--no-github");
    assertEquals(0, made.exit(), made.err());
    FileTree.write(tpl, Map.of("template/README.md.ftl", "# ${name}\n<#list 1.. as i></#list>\n"));
    commitAndTag(tpl, "v2.0.0");
    FileTree.write(dir, Map.of("sentinel.txt", "mine\n"));
    TreeSnapshot before = TreeSnapshot.of(dir);

    Cli.Run r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Cli.run(dir, SMALL, "update", "proj", "--non-interactive"));
    assertEquals(2, r.exit(), r.err());
    assertError(r, "error: template/README.md.ftl: rendering took longer than 0.5 s");
    assertFalse(r.err().contains("\tat "), r.err());
    before.assertUnchanged();
  }

  private static void commitAndTag(Path repo, String tag) {
    Git.run(repo, "add", "-A");
    Git.run(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", tag);
    Git.run(repo, "tag", tag);
  }

  @Test
  void anUnreadableLimitIsAnInputErrorNamingIt() {
    Cli.Run r = refused(Map.of("template/a.txt", "a"), Map.of("SCAFFOLD_MAX_FILE_SIZE", "lots"));
    assertError(r, "error: SCAFFOLD_MAX_FILE_SIZE: `lots` is not a size");
  }
}
