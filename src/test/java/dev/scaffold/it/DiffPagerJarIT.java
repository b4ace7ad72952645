package dev.scaffold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar's {@code scaffold diff} on a real pseudo-terminal (util-linux {@code script}): paged
 * through PAGER with colour; NO_COLOR turns colour off; a pipe gets neither.
 */
class DiffPagerJarIT {

  @TempDir Path dir;

  private ProcessBuilder java(String... args) {
    return new ProcessBuilder(ScaffoldLauncher.command(args)).directory(dir.toFile());
  }

  private static String run(ProcessBuilder pb, Map<String, String> env) throws Exception {
    pb.environment().remove("NO_COLOR"); // the build's own environment may set it
    pb.environment().putAll(env);
    pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    pb.environment().put("XDG_CONFIG_HOME", pb.directory().toPath().resolve("xdg").toString());
    pb.environment().remove("GIT_PAGER");
    pb.redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    return out;
  }

  private static boolean onPath(String command) {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    return java.util.Arrays.stream(path.split(":")).filter(d -> !d.isEmpty())
        .anyMatch(d -> Files.isExecutable(Path.of(d, command)));
  }

  /** Runs the jar's diff under {@code script}, whose child gets a pseudo-terminal for stdin, stdout and stderr. */
  private String onTerminal(Map<String, String> env) throws Exception {
    String line = String.join(" ", ScaffoldLauncher.command("diff", "proj").stream().map(a -> "'" + a + "'").toList());
    return run(new ProcessBuilder("script", "-qec", line, "/dev/null")
        .directory(dir.toFile()), env);
  }

  @Test
  void pagedAndColouredOnATerminalPlainInAPipe() throws Exception {
    // neither is optional: without them this test would pass by skipping, and check nothing
    assertTrue(ScaffoldLauncher.isNative() || Files.isRegularFile(ScaffoldLauncher.jar()),
        "no jar at " + ScaffoldLauncher.jar() + ": the jar-level tests run after mvn package");
    assertTrue(onPath("script"), "util-linux `script` (Debian: bsdutils) gives the jar its pseudo-terminal; "
        + "it is not on PATH");
    dev.scaffold.testing.FileTree.write(dir.resolve("tpl"), Map.of("scaffold.yml", "name: t\n",
        "template/a.txt", "one\ntwo\n"));
    run(java("new", "tpl", "proj", "--no-git"), Map.of());
    Files.writeString(dir.resolve("proj/a.txt"), "one\nthree\n");

    Path paged = dir.resolve("paged.txt");
    String shown = onTerminal(Map.of("PAGER", "cat > '" + paged + "'", "TERM", "xterm"));
    assertTrue(Files.isRegularFile(paged), "on a terminal the patch goes to PAGER; the terminal showed:\n" + shown);
    assertFalse(shown.contains("three"), "and not to the terminal itself: " + shown);
    String text = Files.readString(paged);
    assertTrue(text.contains("\033[32m+three\033[m") && text.contains("\033[31m-two\033[m"), text);

    Files.delete(paged);
    onTerminal(Map.of("PAGER", "cat > '" + paged + "'", "TERM", "xterm", "NO_COLOR", "1"));
    String plain = Files.readString(paged);
    assertTrue(plain.contains("+three") && !plain.contains("\033"), plain);

    Files.delete(paged);
    String piped = run(java("diff", "proj"), Map.of("PAGER", "cat > '" + paged + "'"));
    assertTrue(piped.contains("-two\n+three\n") && !piped.contains("\033"), piped);
    assertFalse(Files.exists(paged), "no pager in a pipe");
  }
}
