package dev.scaffold.jgit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.publish.GitRepo;
import dev.scaffold.testing.Git;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.util.FS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file scaffold rewrites to the same size, in the same second as git's last index write, stays
 * modified to git after scaffold records conflicts or modes in the index: git compares whole
 * seconds, and an entry carried over by a rewrite of the index would otherwise look clean to it.
 */
class RacyEntriesTest {

  @TempDir Path tmp;

  @BeforeAll
  static void measureTheFileSystemFirst(@TempDir Path scratch) {
    // JGit's one-time measurement writes probe files where it is first needed, in the background:
    // made here and waited for, none lands in a test's repository while the repository is deleted
    FS.FileStoreAttributes.setBackground(false);
    FS.FileStoreAttributes.get(scratch);
  }

  /** A repository whose index and whose answers file's entry were written in one whole second, S.1 and S.2. */
  private Path checkedOutInOneSecond() throws Exception {
    Path dir = tmp.resolve("p");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(".scaffold-answers.yml"), "_version: v1.0.0\n");
    Files.writeString(dir.resolve("a.txt"), "a\n");
    Files.writeString(dir.resolve("run.sh"), "#!/bin/sh\n");
    Files.writeString(dir.resolve("b.txt"), "unchanged\n");
    Git.run(dir, "init", "-q", "-b", "main");
    Git.run(dir, "config", "core.fileMode", "false"); // so that recording a mode writes the index
    Instant second = Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    Files.setLastModifiedTime(dir.resolve(".scaffold-answers.yml"), FileTime.from(second.plusMillis(100)));
    Files.setLastModifiedTime(dir.resolve("b.txt"), FileTime.from(second.plusMillis(150)));
    Git.run(dir, "add", "-A");
    Git.run(dir, "commit", "-q", "-m", "one");
    Files.setLastModifiedTime(dir.resolve(".git/index"), FileTime.from(second.plusMillis(200)));
    // what an update does next: the same size, later in the same second
    Files.writeString(dir.resolve(".scaffold-answers.yml"), "_version: v2.0.0\n");
    Files.setLastModifiedTime(dir.resolve(".scaffold-answers.yml"), FileTime.from(second.plusMillis(900)));
    assertEquals(".scaffold-answers.yml", modified(dir), "git's own view first");
    return dir;
  }

  @Test
  void recordingConflictsKeepsAFileChangedInTheSameSecondModified() throws Exception {
    Path dir = checkedOutInOneSecond();
    byte[] ours = "ours\n".getBytes(StandardCharsets.UTF_8);
    try (GitRepo repo = new JGitClient().open(dir)) {
      repo.recordUnmerged(List.of(new GitRepo.Unmerged("a.txt", "a\n".getBytes(StandardCharsets.UTF_8), false, ours,
          false, "theirs\n".getBytes(StandardCharsets.UTF_8), false)));
    }

    assertEquals(".scaffold-answers.yml", modified(dir));
    assertEquals(3, Git.run(dir, "ls-files", "-u", "--", "a.txt").lines().count(), "the conflict is recorded");
    assertTrue(Git.run(dir, "ls-files", "--debug", "--", "b.txt").contains("size: 10"),
        "an unchanged file of the same second stays clean in the index");
    Git.run(dir, "reset", "-q", "--hard");
    assertEquals("_version: v1.0.0\n", Files.readString(dir.resolve(".scaffold-answers.yml")), "reset --hard restores it");
  }

  @Test
  void recordingModesKeepsAFileChangedInTheSameSecondModified() throws Exception {
    Path dir = checkedOutInOneSecond();
    try (GitRepo repo = new JGitClient().open(dir)) {
      repo.recordModes(Map.of("run.sh", true));
    }

    assertEquals(".scaffold-answers.yml", modified(dir));
    assertEquals("100755", Git.run(dir, "ls-files", "-s", "--", "run.sh").split(" ")[0], "the mode is recorded");
  }

  /** The tracked files git finds changed from the index, by git's own stat checks; unlike status, it never rewrites the index. */
  private static String modified(Path dir) {
    return Git.run(dir, "ls-files", "-m", "--", ".scaffold-answers.yml");
  }
}
