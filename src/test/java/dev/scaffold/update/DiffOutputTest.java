package dev.scaffold.update;

import static dev.scaffold.update.TemplateFixture.version;
import static dev.scaffold.update.TemplateFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.cli.CliContext;
import dev.scaffold.cli.ScaffoldCli;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scaffold diff}: --exit-code and --quiet for CI, colour and a pager on a terminal only, NO_COLOR, GIT_PAGER over PAGER. */
class DiffOutputTest {

  @TempDir Path tmp;
  Path project;

  @BeforeEach
  void drifted() throws Exception {
    Path template = tmp.resolve("tpl");
    version(template, "v1.0.0", false, UpdateCommandTest.v1());
    project = tmp.resolve("proj");
    var r = TemplateFixture.cli(tmp, "new", template.toString(), project.toString(), "--non-interactive", "--defaults");
    assertEquals(0, r.code(), r.err());
  }

  private void drift() throws Exception {
    write(project.resolve("README.md"), "# demo\n\nLine A\nLine B mine\nLine C\nLine D\nLine E\nLine F\nLine G\n");
  }

  private TemplateFixture.Run diff(boolean terminal, Map<String, String> env, String... extra) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Map<String, String> e = new HashMap<>(env);
    CliContext ctx = new CliContext(new PrintWriter(out, true), new PrintWriter(err, true),
        new ByteArrayInputStream(new byte[0]), e, tmp, terminal);
    String[] args = new String[extra.length + 2];
    args[0] = "diff";
    args[1] = project.toString();
    System.arraycopy(extra, 0, args, 2, extra.length);
    int code = ScaffoldCli.run(ctx, args);
    return new TemplateFixture.Run(code, out.toString(), err.toString());
  }

  @Test
  void exitCodeIsOneWithDriftAndZeroWithout() throws Exception {
    assertEquals(0, diff(false, Map.of(), "--exit-code").code());
    assertEquals(0, diff(false, Map.of(), "--exit-code", "--json").code());
    drift();
    var r = diff(false, Map.of(), "--exit-code");
    assertEquals(1, r.code(), r.err());
    assertTrue(r.out().contains("+Line B mine\n"), r.out());
    assertEquals(1, diff(false, Map.of(), "--exit-code", "--json").code());
    // without the flag, drift is no failure (as before)
    assertEquals(0, diff(false, Map.of()).code());
  }

  @Test
  void quietPrintsNothingAndExitsAsExitCode() throws Exception {
    var clean = diff(false, Map.of(), "--quiet");
    assertEquals(0, clean.code());
    assertEquals("", clean.out() + clean.err());
    drift();
    var r = diff(true, Map.of("PAGER", "false"), "-q");
    assertEquals(1, r.code());
    assertEquals("", r.out() + r.err());
  }

  @Test
  void aPipeGetsPlainTextAndNoPagerWhateverPagerSays() throws Exception {
    drift();
    Path paged = tmp.resolve("paged.txt");
    var r = diff(false, Map.of("PAGER", "cat > '" + paged + "'"));
    assertEquals(0, r.code(), r.err());
    assertFalse(r.out().contains("\033"), r.out());
    assertTrue(r.out().contains("-Line B\n+Line B mine\n"), r.out());
    assertFalse(Files.exists(paged), "no pager when stdout is not a terminal");
    // --color always colours even in a pipe, as git's
    var forced = diff(false, Map.of(), "--color", "always");
    assertTrue(forced.out().contains("\033[32m+Line B mine\033[m\n") && forced.out().contains("\033[31m-Line B\033[m\n"),
        forced.out());
    assertTrue(forced.out().contains("\033[36m@@ -1,7 +1,7 @@\033[m"), forced.out());
  }

  @Test
  void aTerminalGetsColourThroughThePagerAndGitPagerWins() throws Exception {
    drift();
    Path paged = tmp.resolve("paged.txt");
    Path other = tmp.resolve("other.txt");
    var r = diff(true, Map.of("PAGER", "cat > '" + other + "'", "GIT_PAGER", "cat > '" + paged + "'"));
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.out(), "the pager got the diff, not stdout");
    String text = Files.readString(paged);
    assertTrue(text.contains("\033[1mdiff --scaffold a/README.md b/README.md\033[m"), text);
    assertTrue(text.contains("\033[32m+Line B mine\033[m"), text);
    assertFalse(Files.exists(other), "GIT_PAGER wins over PAGER");

    Files.delete(paged);
    var noColor = diff(true, Map.of("NO_COLOR", "1", "PAGER", "cat > '" + paged + "'"));
    assertEquals(0, noColor.code(), noColor.err());
    assertFalse(Files.readString(paged).contains("\033"), "NO_COLOR: no colour");
    assertTrue(Files.readString(paged).contains("+Line B mine\n"));

    var noPager = diff(true, Map.of("NO_COLOR", "", "PAGER", "cat > '" + other + "'"), "--no-pager", "--color=never");
    assertTrue(noPager.out().contains("+Line B mine\n") && !noPager.out().contains("\033"), noPager.out());
    assertFalse(Files.exists(other));
    var cat = diff(true, Map.of("PAGER", "cat", "TERM", "dumb"));
    assertTrue(cat.out().contains("+Line B mine\n") && !cat.out().contains("\033"), "PAGER=cat prints; TERM=dumb: no colour");
  }

  @Test
  void aPagerThatCannotRunFallsBackToPrinting() throws Exception {
    drift();
    var r = diff(true, Map.of("PAGER", "no-such-pager-7f3a"));
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("the pager `no-such-pager-7f3a` could not be run"), r.err());
    assertTrue(r.out().contains("Line B mine"), r.out());
  }

  @Test
  void aBadColorValueIsAUsageErrorBeforeAnyWork() {
    var r = diff(false, Map.of(), "--color", "sometimes");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--color sometimes") && r.err().contains("auto, always or never"), r.err());
  }
}
