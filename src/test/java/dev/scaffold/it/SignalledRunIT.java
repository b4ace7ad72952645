package dev.scaffold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.testing.TreeSnapshot;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar stopped by real signals at several moments of {@code scaffold new}: after
 * Ctrl-C (SIGINT) nothing of the run is left and it says "aborted"; after SIGKILL of a
 * {@code --force} run, the next run leaves the folder either exactly as the user had it or exactly
 * as a completed run makes it, never a mix.
 */
class SignalledRunIT {

  @TempDir Path dir;

  private static final int FOLDERS = 30;
  private static final int FILES = 100;

  private Path template() throws Exception {
    Path t = dir.resolve("tpl");
    Files.createDirectories(t);
    Files.writeString(t.resolve("scaffold.yml"), "name: big\nquestions:\n  - name: name\n    default: big\n");
    for (int d = 0; d < FOLDERS; d++) {
      Path folder = Files.createDirectories(t.resolve("template/d" + d));
      for (int f = 0; f < FILES; f++) {
        Files.writeString(folder.resolve("f" + f + ".txt.ftl"), "file " + f + " of ${name}\n".repeat(20));
      }
    }
    return t;
  }

  /** The user's folder: every path the template writes, with the user's own content, and more. */
  private Path userFolder(Path at) throws Exception {
    for (int d = 0; d < FOLDERS; d++) {
      Path folder = Files.createDirectories(at.resolve("d" + d));
      for (int f = 0; f < FILES; f++) {
        Files.writeString(folder.resolve("f" + f + ".txt"), "the user's " + d + "/" + f + "\n");
      }
      Files.writeString(folder.resolve("mine.txt"), "only mine\n");
    }
    return at;
  }

  private Process start(Path cwd, String... args) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(ScaffoldLauncher.command(args)).directory(cwd.toFile());
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.redirectError(dir.resolve("stderr.txt").toFile());
    return pb.start();
  }

  private List<String> litter() throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".scaffold-")).toList();
    }
  }

  @Test
  void ctrlCAtAnyMomentLeavesNoStagingAndSaysAborted() throws Exception {
    template();
    int interrupted = 0;
    for (int delay : List.of(100, 300, 500, 700, 1000, 1400)) {
      Path out = dir.resolve("out");
      dev.scaffold.FileTrees.deleteRecursively(out);
      Process p = start(dir, "new", "tpl", "out", "--no-git", "--defaults");
      Thread.sleep(delay);
      new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
      assertTrue(p.waitFor(2, TimeUnit.MINUTES));
      String err = Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);
      if (p.exitValue() == 0) {
        continue; // finished before the signal
      }
      interrupted++;
      assertEquals(130, p.exitValue(), "after " + delay + " ms: " + err);
      // a signal before main() starts ends the JVM before scaffold can say anything
      assertTrue(err.isEmpty() || err.contains("aborted: interrupted"), "after " + delay + " ms: " + err);
      assertEquals(List.of(), litter(), "after " + delay + " ms");
      // the project moves in with one rename: there or not, never half
      assertTrue(!Files.exists(out) || TreeSnapshot.of(out).entries().size() == FOLDERS * (FILES + 1) + 1, "after " + delay);
    }
    assertTrue(interrupted > 0, "no run was interrupted: the delays are too long for this machine");
  }

  @Test
  void aForceRunKilledAtAnyMomentIsRolledBackOrCompletedByTheNextRun() throws Exception {
    template();
    Path done = userFolder(dir.resolve("done"));
    Process full = start(dir, "new", "tpl", "done", "--force", "--no-git", "--defaults");
    assertTrue(full.waitFor(2, TimeUnit.MINUTES));
    assertEquals(0, full.exitValue(), Files.readString(dir.resolve("stderr.txt")));
    java.util.Map<String, String> completed = TreeSnapshot.of(done).entries();
    dev.scaffold.FileTrees.deleteRecursively(done);

    // negative: so many ms after the start (while rendering); else so many ms after the journal
    // lists its moves (while moving files in)
    Path moves = dir.resolve(".scaffold-journal-out/moves");
    int midMove = 0;
    for (int delay : List.of(-300, -1000, 0, 1, 3, 10, 30, 60, 120)) {
      Path out = dir.resolve("out");
      dev.scaffold.FileTrees.deleteRecursively(out);
      userFolder(out);
      java.util.Map<String, String> mine = TreeSnapshot.of(out).entries();
      Process p = start(dir, "new", "tpl", "out", "--force", "--no-git", "--defaults");
      if (delay < 0) {
        Thread.sleep(-delay);
      } else {
        for (long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(1); !Files.exists(moves) && p.isAlive()
            && System.nanoTime() < until; ) {
          Thread.onSpinWait();
        }
        Thread.sleep(delay);
      }
      p.destroyForcibly();
      p.waitFor(1, TimeUnit.MINUTES);
      boolean cut = Files.exists(moves) && !Files.exists(moves.resolveSibling("done"));
      if (cut && !TreeSnapshot.of(out).entries().equals(mine)) {
        midMove++;
      }

      Process next = start(dir, "new", "tpl", "out", "--no-git", "--defaults");
      assertTrue(next.waitFor(2, TimeUnit.MINUTES));
      String err = Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);
      java.util.Map<String, String> after = TreeSnapshot.of(out).entries();
      assertTrue(after.equals(mine) || after.equals(completed), "after a kill at " + delay + " ms: a mix; " + err);
      assertEquals(List.of(), litter(), "after a kill at " + delay + " ms");
    }
    System.out.println("SignalledRunIT: " + midMove + " of 9 kills left a half-moved folder, each rolled back");
    assertTrue(midMove > 0, "no kill hit the moves: the delays do not fit this machine");
  }
}
