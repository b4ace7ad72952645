package dev.scaffold.hostile;

import static dev.scaffold.hostile.DestinationKit.folderTemplate;
import static dev.scaffold.hostile.DestinationKit.gitTemplate;
import static dev.scaffold.hostile.DestinationKit.names;
import static dev.scaffold.hostile.HostileDestinationTest.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.OperationException;
import dev.scaffold.project.StagingFaults;
import dev.scaffold.testing.Cli;
import dev.scaffold.testing.FileTree;
import dev.scaffold.testing.Git;
import dev.scaffold.testing.TreeSnapshot;
import dev.scaffold.update.WriteFaults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs cut short: a {@code new --force} killed while moving files in (the on-disk state a kill
 * leaves, made by the real code stopped after N moves), staging folders of killed runs, an update
 * failing midway through its writes; and the litter a run that succeeds must not leave.
 */
class InterruptedRunTest {

  @TempDir Path dir;

  /** Stands for SIGKILL: an Error, so that no rollback runs and the journal stays as a kill leaves it. */
  static final class Killed extends Error {
    Killed() {
      super("killed", null, false, false);
    }
  }

  @AfterEach
  void noFaults() {
    StagingFaults.reset();
    WriteFaults.reset();
  }

  private Path userFolder() {
    return FileTree.write(dir.resolve("out"), Map.of(
        "README.md", "my readme\n", "docs/guide.md", "my guide\n", "docs/mine.md", "mine\n", "notes.txt", "notes\n"));
  }

  /** {@code new --force} into {@code out}, stopped as by a kill right after move {@code at}. */
  private void killedForceRun(int at) {
    StagingFaults.afterMove(n -> {
      if (n == at) {
        throw new Killed();
      }
    });
    try {
      Cli.Run r = Cli.run(dir, "new", "tpl", "out", "--force", "--no-git", "--defaults");
      throw new AssertionError("the run was to be killed, but ended with " + r.exit() + ": " + r.err());
    } catch (Killed expected) {
      // the state on disk is what the kill left, but for the owner: a killed run's process is
      // gone, and this one goes on, so the journal is made to name a pid no process has
      try {
        Files.writeString(dir.resolve(".scaffold-journal-out/owner"), deadPid() + " 1\n");
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    } finally {
      StagingFaults.reset();
    }
  }

  @Test
  void aForceRunKilledWhileMovingIsRolledBackByTheNextRun() throws Exception {
    folderTemplate(dir);
    // moves, in order: .scaffold-answers.yml (new), README.md (replaces), docs/guide.md (replaces),
    // local.properties (new), src (new)
    for (int at = 1; at <= 5; at++) {
      Path dest = userFolder();
      TreeSnapshot before = TreeSnapshot.of(dest);
      killedForceRun(at);
      assertTrue(Files.isDirectory(dir.resolve(".scaffold-journal-out")), "the kill leaves the journal");
      assertNotEquals(before.entries(), TreeSnapshot.of(dest).entries(), "a half-done move after " + at);

      Cli.Run next = Cli.run(dir, "new", "tpl", "out", "--no-git", "--defaults");

      assertTrue(next.err().contains("warning: an interrupted run left " + dest + " half written; it is rolled back"),
          "after move " + at + ": " + next.err());
      assertEquals(2, next.exit(), next.err());
      assertTrue(error(next).endsWith("is not empty; use --force to write into it anyway"), next.err());
      before.assertUnchanged();
      assertEquals(List.of("out", "tpl"), names(dir), "journal and backups gone after " + at);
      dev.scaffold.FileTrees.deleteRecursively(dest);
    }
  }

  @Test
  void aForceRunKilledAfterItsLastMoveIsCompletedByTheNextRun() throws Exception {
    folderTemplate(dir);
    Path dest = userFolder();
    killedForceRun(6); // after the journal recorded all five moves complete
    Map<String, String> moved = FileTree.read(dest);

    Cli.Run next = Cli.run(dir, "update", "out", "--non-interactive");

    assertTrue(next.err().contains("warning: an interrupted run had finished moving its files into " + dest), next.err());
    assertEquals(moved, FileTree.read(dest));
    assertEquals("# demo\n", moved.get("README.md"));
    assertEquals("mine\n", moved.get("docs/mine.md"));
    assertEquals("notes\n", moved.get("notes.txt"));
    assertEquals(List.of("out", "tpl"), names(dir), "journal and backups gone");
  }

  @Test
  void aJournalOfARunKilledBeforeItsFirstMoveIsClearedAndTheRunGoesOn() throws Exception {
    folderTemplate(dir);
    Path journal = Files.createDirectory(dir.resolve(".scaffold-journal-out"));
    Files.writeString(journal.resolve("owner"), deadPid() + " 1\n");

    Cli.Run r = Cli.run(dir, "new", "tpl", "out", "--no-git", "--defaults");

    assertEquals(0, r.exit(), r.err());
    assertEquals("# demo\n", FileTree.read(dir.resolve("out")).get("README.md"));
    assertEquals(List.of("out", "tpl"), names(dir));
  }

  @Test
  void stagingFoldersOfKilledRunsAreRemovedByTheNextRunInTheirFolder() throws Exception {
    folderTemplate(dir);
    ProcessHandle self = ProcessHandle.current();
    long start = self.info().startInstant().orElseThrow().toEpochMilli();
    String dead = ".scaffold-staging-old-" + Long.toHexString(deadPid()) + "-" + Long.toHexString(start) + "-1a2b";
    String reused = ".scaffold-staging-old-" + Long.toHexString(self.pid()) + "-" + Long.toHexString(start - 5000) + "-3c4d";
    String live = ".scaffold-staging-old-" + Long.toHexString(self.pid()) + "-" + Long.toHexString(start) + "-5e6f";
    for (String name : List.of(dead, reused, live)) {
      FileTree.write(dir.resolve(name), Map.of("README.md", "half rendered\n"));
    }

    Cli.Run r = Cli.run(dir, "new", "tpl", "out", "--no-git", "--defaults");

    assertEquals(0, r.exit(), r.err());
    // the one whose pid now belongs to another process (another start time) is stale too
    assertEquals(List.of(live, "out", "tpl"), names(dir));
  }

  @Test
  void aRunThatSucceedsLeavesNoLitter() throws Exception {
    folderTemplate(dir);
    Cli.Run r = Cli.run(dir, "new", "tpl", "out", "--defaults");
    assertEquals(0, r.exit(), r.err());
    FileTree.write(dir.resolve("forced"), Map.of("mine.txt", "mine\n"));
    Cli.Run forced = Cli.run(dir, "new", "tpl", "forced", "--force", "--defaults");
    assertEquals(0, forced.exit(), forced.err());

    assertEquals(List.of("forced", "out", "tpl"), names(dir));
    assertEquals(List.of(".git", ".scaffold-answers.yml", "README.md", "docs", "local.properties", "src"),
        names(dir.resolve("out")));
    try (Stream<Path> all = Files.walk(dir)) {
      List<String> probes = all.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith(".probe") || n.startsWith(".scaffold-")).filter(n -> !n.equals(".scaffold-answers.yml"))
          .toList();
      assertEquals(List.of(), probes, "no file-system probes, staging folders or journals");
    }
    assertEquals("", Git.run(dir.resolve("out"), "status", "--porcelain"));
  }

  @Test
  void anUpdateFailingMidwayThroughItsWritesIsUndoneWithGit() throws Exception {
    Path template = gitTemplate(dir);
    Cli.Run made = Cli.run(dir, "new", template.toString(), "proj", "--version", "v1.0.0", "--defaults", "--non-interactive");
    assertEquals(0, made.exit(), made.err());
    Path proj = dir.resolve("proj");
    java.util.function.Predicate<String> notGit = rel -> !rel.equals(".git") && !rel.startsWith(".git/");
    TreeSnapshot before = TreeSnapshot.of(proj, notGit);
    WriteFaults.afterWrite(n -> {
      if (n == 2) {
        throw new OperationException("cannot write " + proj.resolve("docs/new.md") + ": No space left on device");
      }
    });

    Cli.Run r = Cli.run(dir, "update", "proj", "--non-interactive");

    assertEquals(1, r.exit(), r.err());
    assertTrue(error(r).startsWith("error: cannot write " + proj), r.err());
    String status = Git.run(proj, "status", "--porcelain", "--untracked-files=all");
    assertFalse(status.isEmpty(), "the first writes happened");
    List<String> touchable = List.of("README.md", "docs/guide.md", "docs/new.md", ".scaffold-answers.yml");
    for (String line : status.split("\n")) {
      assertTrue(touchable.contains(line.strip().split("\\s+", 2)[1]), "only files the update writes change: " + status);
    }
    Git.run(proj, "checkout", "--", ".");
    Git.run(proj, "clean", "-fdq");
    before.assertUnchanged(notGit);
  }

  /** A pid no process has: one that ran and ended. */
  private static long deadPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    return p.pid();
  }
}
