package dev.scaffold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.sandbox.GitHubSandbox;
import dev.scaffold.testing.FileTree;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live progress line: counts drawn in place on a terminal's stderr only, wiped before other output, never in a pipe. */
class ProgressLineTest {

  @TempDir Path tmp;

  record Run(int exit, String out, String err) {}

  private static Run run(Path cwd, boolean errTerminal, Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext ctx = new CliContext(new PrintWriter(out, true), new PrintWriter(err, true),
        new ByteArrayInputStream(new byte[0]), new HashMap<>(env), cwd, false, errTerminal);
    int code = ScaffoldCli.run(ctx, args);
    return new Run(code, out.toString(), err.toString());
  }

  private Path manyFiles(int n) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("scaffold.yml", "name: many\nquestions:\n  - name: who\n    default: me\n");
    for (int i = 0; i < n; i++) {
      files.put("template/f" + i + ".txt.ftl", "${who} " + i + "\n");
    }
    return FileTree.write(tmp.resolve("many"), files);
  }

  @Test
  void aTerminalSeesTheCountOfFilesRenderedThenTheLineIsWiped() {
    manyFiles(120);
    Run r = run(tmp, true, Map.of(), "new", "many", "out", "--defaults", "--no-git");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err().contains("\r\033[2K› render 120/120 (100%)"), r.err());
    // wiped after the last count: the next line starts clean
    assertTrue(r.err().indexOf("\r\033[2K", r.err().lastIndexOf("120/120")) > 0, r.err());
    assertFalse(r.out().contains("\r") || r.out().contains("\033"), "stdout stays clean: " + r.out());
  }

  @Test
  void aPipeGetsStepLinesButNoCountsAndNoEscapes() {
    manyFiles(50);
    Run r = run(tmp, false, Map.of(), "new", "many", "out", "--defaults", "--no-git");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err().contains("› render 50 files\n"), r.err());
    assertFalse(r.err().contains("\r") || r.err().contains("\033") || r.err().contains("50/50"), r.err());
  }

  @Test
  void quietAndJsonDrawNothingEvenOnATerminal() {
    manyFiles(30);
    Run q = run(tmp, true, Map.of(), "new", "many", "q", "--defaults", "--no-git", "--quiet");
    assertEquals(0, q.exit(), q.err());
    assertEquals("", q.err());
    Run j = run(tmp, true, Map.of(), "new", "many", "j", "--defaults", "--no-git", "--json");
    assertEquals(0, j.exit(), j.err());
    assertEquals("", j.err());
    Run dumb = run(tmp, true, Map.of("TERM", "dumb"), "new", "many", "d", "--defaults", "--no-git");
    assertFalse(dumb.err().contains("\r"), "a dumb terminal cannot redraw: " + dumb.err());
  }

  @Test
  void countsAreThrottledAndALongLineIsCut() {
    StringWriter w = new StringWriter();
    ProgressLine p = new ProgressLine(new PrintWriter(w), false, false, true, 30);
    for (int i = 1; i <= 10_000; i++) {
      p.count("render", i, 10_000);
    }
    String drawn = w.toString();
    long redraws = drawn.chars().filter(c -> c == '\r').count();
    assertTrue(redraws < 100, "10,000 counts in a few ms redraw a few times, not " + redraws);
    assertTrue(drawn.contains("› render 10000/10000 (100%)"), drawn);
    int afterLast = w.toString().length();
    p.count("render", 9_999, 10_000); // another thread's count, later than the last one
    assertEquals(afterLast, w.toString().length(), "a late count does not draw the finished line again");
    p.step("render again");
    p.count("render", 1, 10);
    assertTrue(w.toString().endsWith("› render 1/10 (10%)"), "a new step counts its own task: " + w);

    StringWriter narrow = new StringWriter();
    new ProgressLine(new PrintWriter(narrow), false, false, true, 20).count("clone https://example.com/a/very/long.git", 1, 0);
    String line = narrow.toString().replace("\r\033[2K", "");
    assertTrue(line.length() <= 19 && line.endsWith("…"), line);

    StringWriter mixed = new StringWriter();
    ProgressLine m = new ProgressLine(new PrintWriter(mixed), false, false, true, 80);
    m.count("receive objects", 3, 10);
    m.warn("careful");
    assertTrue(mixed.toString().endsWith("3/10 (30%)\r\033[2Kwarning: careful" + System.lineSeparator()), mixed.toString());
  }

  @Test
  void cloningARemoteTemplateShowsJGitsCounts() throws Exception {
    Path template = manyFiles(40);
    try (GitHubSandbox gh = GitHubSandbox.builder().token("t0k3n", "octo").org("acme").start()) {
      gh.createRepo("acme/many", "main", false);
      dev.scaffold.testing.Git.run(template, "init", "-q", "-b", "main");
      dev.scaffold.testing.Git.run(template, "add", ".");
      dev.scaffold.testing.Git.run(template, "-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-qm", "v1");
      dev.scaffold.testing.Git.run(template, "tag", "v1.0.0");
      dev.scaffold.testing.Git.run(template, "push", "-q", gh.gitDir("acme/many").toString(), "HEAD:refs/heads/main", "--tags");
      String url = gh.cloneUrl("acme/many");
      Run r = run(tmp, true, Map.of("GITHUB_TOKEN", gh.token()), "new", url, "out", "--defaults", "--no-git",
          "--no-github", "--github-url", gh.baseUrl());
      assertEquals(0, r.exit(), r.err());
      assertTrue(r.err().contains("› clone " + url + ": receiving objects"), r.err());
      assertFalse(r.err().contains(gh.token()), "no token in progress: " + r.err());
    }
  }
}
