package dev.scaffold.hostile;

import static dev.scaffold.hostile.DestinationKit.folderTemplate;
import static dev.scaffold.hostile.DestinationKit.gitTemplate;
import static dev.scaffold.hostile.DestinationKit.names;
import static dev.scaffold.hostile.DestinationKit.outside;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.OperationException;
import dev.scaffold.project.StagingFaults;
import dev.scaffold.testing.Cli;
import dev.scaffold.testing.FileTree;
import dev.scaffold.testing.Git;
import dev.scaffold.testing.TreeSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Destinations full of traps: links that lead out of the project, two runs on one folder, a
 * {@code --force} run that fails midway. Each refusal names the path, writes nothing, and leaves
 * the project and everything outside it as they were.
 */
class HostileDestinationTest {

  @TempDir Path dir;

  @AfterEach
  void noFaults() {
    StagingFaults.reset();
  }

  private static final java.util.function.Predicate<String> NOT_GIT = rel -> !rel.equals(".git") && !rel.startsWith(".git/");

  /** A project made from v1.0.0 of the git template, committed, with {@code change} applied and committed too. */
  private Path project(Path template, java.util.function.Consumer<Path> change) {
    Cli.Run made = Cli.run(dir, "new", template.toString(), "proj", "--version", "v1.0.0", "--defaults", "--non-interactive");
    assertEquals(0, made.exit(), made.err());
    Path proj = dir.resolve("proj");
    change.accept(proj);
    Git.run(proj, "add", "-A");
    Git.run(proj, "commit", "-q", "-m", "user change");
    return proj;
  }

  private static void link(Path link, Path target) {
    try {
      dev.scaffold.FileTrees.deleteRecursively(link);
      Files.createSymbolicLink(link, target);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The run's error line; there is one, and no stack trace. */
  static String error(Cli.Run r) {
    assertFalse(r.err().contains("\tat "), r.err());
    return r.err().lines().filter(l -> l.startsWith("error: ")).findFirst().orElse("(no error line)");
  }

  @Test
  void updateRefusesToWriteThroughAFolderThatLinksOutside() throws Exception {
    Path template = gitTemplate(dir);
    Path outside = outside(dir);
    Path proj = project(template, p -> link(p.resolve("docs"), outside));
    TreeSnapshot projBefore = TreeSnapshot.of(proj, NOT_GIT);
    TreeSnapshot outsideBefore = TreeSnapshot.of(outside);

    Cli.Run r = Cli.run(dir, "update", "proj", "--non-interactive");

    assertEquals(2, r.exit(), r.err());
    assertTrue(error(r).startsWith("error: " + proj.resolve("docs") + ": is a symbolic link in the destination"), r.err());
    projBefore.assertUnchanged(NOT_GIT);
    outsideBefore.assertUnchanged();
  }

  @Test
  void updateRefusesALinkedAnswersFile() throws Exception {
    Path template = gitTemplate(dir);
    Path outside = outside(dir);
    Path proj = project(template, p -> {
      try {
        Files.move(p.resolve(".scaffold-answers.yml"), outside.resolve("answers.yml"));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      link(p.resolve(".scaffold-answers.yml"), outside.resolve("answers.yml"));
    });
    TreeSnapshot projBefore = TreeSnapshot.of(proj, NOT_GIT);
    TreeSnapshot outsideBefore = TreeSnapshot.of(outside);

    Cli.Run r = Cli.run(dir, "update", "proj", "--non-interactive");

    assertEquals(2, r.exit(), r.err());
    assertTrue(error(r).startsWith("error: " + proj.resolve(".scaffold-answers.yml") + ": is a symbolic link"), r.err());
    projBefore.assertUnchanged(NOT_GIT);
    outsideBefore.assertUnchanged();
  }

  @Test
  void forceRefusesAFolderThatLinksOutside() throws Exception {
    folderTemplate(dir);
    Path outside = outside(dir);
    Path dest = FileTree.write(dir.resolve("out"), Map.of("mine.txt", "mine\n"));
    link(dest.resolve("docs"), outside);
    TreeSnapshot destBefore = TreeSnapshot.of(dest);
    TreeSnapshot outsideBefore = TreeSnapshot.of(outside);

    Cli.Run r = Cli.run(dir, "new", "tpl", "out", "--force", "--no-git", "--defaults");

    assertEquals(2, r.exit(), r.err());
    assertTrue(error(r).startsWith("error: " + dest.resolve("docs") + ": is a symbolic link in the destination"), r.err());
    destBefore.assertUnchanged();
    outsideBefore.assertUnchanged();
    assertEquals(List.of("out", "outside", "tpl"), names(dir), "no staging folder or journal left");
  }

  @Test
  void forceRefusesAFileThatLinksOutside() throws Exception {
    folderTemplate(dir);
    Path outside = outside(dir);
    Path dest = FileTree.write(dir.resolve("out"), Map.of("mine.txt", "mine\n"));
    link(dest.resolve("README.md"), outside.resolve("secret.txt"));
    TreeSnapshot destBefore = TreeSnapshot.of(dest);
    TreeSnapshot outsideBefore = TreeSnapshot.of(outside);

    Cli.Run r = Cli.run(dir, "new", "tpl", "out", "--force", "--no-git", "--defaults");

    assertEquals(2, r.exit(), r.err());
    assertTrue(error(r).startsWith("error: " + dest.resolve("README.md") + ": is a symbolic link"), r.err());
    destBefore.assertUnchanged();
    outsideBefore.assertUnchanged();
  }

  @Test
  void aDestinationThatIsALinkIsRefusedNotReplaced() throws Exception {
    folderTemplate(dir);
    Path target = Files.createDirectory(dir.resolve("elsewhere"));
    Path dest = dir.resolve("out");
    Files.createSymbolicLink(dest, target);
    TreeSnapshot before = TreeSnapshot.of(dir, rel -> !rel.startsWith("tpl"));

    for (String force : List.of("--non-interactive", "--force")) {
      Cli.Run r = Cli.run(dir, "new", "tpl", "out", "--no-git", force, "--defaults");
      assertEquals(2, r.exit(), r.err());
      assertTrue(error(r).startsWith("error: " + dest + ": is a symbolic link; name the folder itself"), r.err());
      assertTrue(Files.isSymbolicLink(dest));
      before.assertUnchanged(rel -> !rel.startsWith("tpl"));
    }
  }

  @Test
  void aDestinationClaimedByARunStillGoingIsRefused() throws Exception {
    folderTemplate(dir);
    Path journal = Files.createDirectory(dir.resolve(".scaffold-journal-out"));
    ProcessHandle self = ProcessHandle.current();
    Files.writeString(journal.resolve("owner"),
        self.pid() + " " + self.info().startInstant().orElseThrow().toEpochMilli() + "\n");
    TreeSnapshot before = TreeSnapshot.of(dir);

    Cli.Run r = Cli.run(dir, "new", "tpl", "out", "--no-git", "--defaults");

    assertEquals(2, r.exit(), r.err());
    assertTrue(error(r).startsWith("error: " + dir.resolve("out") + ": another scaffold run (pid " + self.pid()
        + ") is writing this folder; wait for it to finish"), r.err());
    before.assertUnchanged();
  }

  @Test
  void twoRunsOnOneDestinationNeverMerge() throws Exception {
    folderTemplate(dir);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 6; round++) {
        String name = "out" + round;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Cli.Run>> runs = new ArrayList<>();
        for (String answer : List.of("first", "second")) {
          runs.add(pool.submit(() -> {
            start.await();
            return Cli.run(dir, "new", "tpl", name, "--no-git", "--set", "name=" + answer);
          }));
        }
        start.countDown();
        List<Integer> codes = new ArrayList<>();
        for (Future<Cli.Run> f : runs) {
          Cli.Run r = f.get();
          codes.add(r.exit());
          if (r.exit() != 0) {
            assertTrue(r.err().contains("another scaffold run") || r.err().contains("is not empty"), r.err());
          }
        }
        assertEquals(List.of(0, 2), codes.stream().sorted().toList(), "round " + round);
        String readme = FileTree.read(dir.resolve(name)).get("README.md");
        assertTrue(readme.equals("# first\n") || readme.equals("# second\n"), readme);
        String answers = FileTree.read(dir.resolve(name)).get(".scaffold-answers.yml");
        assertTrue(answers.contains("name: " + readme.substring(2).strip()), "one run's tree, not a mix: " + answers);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(List.of("out0", "out1", "out2", "out3", "out4", "out5", "tpl"), names(dir));
  }

  @Test
  void aForceRunFailingMidwayLeavesTheFolderAsItWas() throws Exception {
    folderTemplate(dir);
    Path dest = FileTree.write(dir.resolve("out"), Map.of(
        "README.md", "my readme\n", "docs/guide.md", "my guide\n", "docs/mine.md", "mine\n", "local.properties", "local=mine\n"));
    Files.writeString(dest.resolve("src"), "a file where the template has a folder\n");
    TreeSnapshot before = TreeSnapshot.of(dest);
    for (int failAt = 1; failAt <= 3; failAt++) {
      int at = failAt;
      StagingFaults.afterMove(n -> {
        if (n == at) {
          throw new OperationException("cannot move the project into " + dest + ": No space left on device");
        }
      });
      Cli.Run r = Cli.run(dir, "new", "tpl", "out", "--force", "--no-git", "--defaults");
      assertEquals(1, r.exit(), r.err());
      assertTrue(error(r).startsWith("error: cannot move the project into " + dest), r.err());
      before.assertUnchanged();
      assertEquals(List.of("out", "tpl"), names(dir), "no staging folder or journal left");
    }
  }

  @Test
  void forceReplacesTemplateFilesKeepsOthersAndSkipIfExists() throws Exception {
    folderTemplate(dir);
    Path dest = FileTree.write(dir.resolve("out"), Map.of(
        "README.md", "my readme\n", "docs/mine.md", "mine\n", "local.properties", "local=mine\n"));

    Cli.Run r = Cli.run(dir, "new", "tpl", "out", "--force", "--no-git", "--defaults");

    assertEquals(0, r.exit(), r.err());
    Map<String, String> after = FileTree.read(dest);
    assertEquals("# demo\n", after.get("README.md"));
    assertEquals("mine\n", after.get("docs/mine.md"));
    assertEquals("guide\n", after.get("docs/guide.md"));
    assertEquals("local=mine\n", after.get("local.properties"), "skip_if_exists is never overwritten by new --force");
    assertEquals(List.of("out", "tpl"), names(dir));
  }
}
