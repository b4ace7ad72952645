package dev.scaffold.jgit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.publish.GitRepo;
import dev.scaffold.testing.Git;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first commit of a new project: one pack, a normal repository, the same tree git itself would make. */
class FreshIndexTest {

  @TempDir Path tmp;

  @Test
  void firstCommitIsWhatGitAddAllWouldCommit() throws Exception {
    Path dir = tmp.resolve("p");
    Path copy = tmp.resolve("copy");
    for (Path d : List.of(dir, copy)) {
      tree(d);
    }
    int limit = FreshIndex.inMemoryLimit;
    FreshIndex.inMemoryLimit = 1000; // so that the large-file path (hash first, then stream) runs too
    String commit;
    try (GitRepo repo = new JGitClient().init(dir, "main")) {
      commit = repo.commitAll("Initial project from t 1.0");
    } finally {
      FreshIndex.inMemoryLimit = limit;
    }

    Git.run(dir, "fsck", "--full", "--strict", "--no-dangling");
    assertEquals("", Git.run(dir, "status", "--porcelain", "--ignored=no"));
    assertEquals(commit, Git.run(dir, "rev-parse", "HEAD"));
    assertEquals("Initial project from t 1.0", Git.run(dir, "log", "--format=%s"));
    assertEquals("main", Git.run(dir, "rev-parse", "--abbrev-ref", "HEAD"));
    String files = Git.run(dir, "ls-files", "-s");
    assertTrue(files.contains("100755 ") && files.lines().anyMatch(l -> l.startsWith("100755") && l.endsWith("scripts/run.sh")), files);
    assertTrue(files.lines().anyMatch(l -> l.startsWith("120000") && l.endsWith("link")), files);
    assertFalse(files.contains("build/") || files.contains("debug.log"), files);
    // every object in one pack: only the commit is a loose object
    String counts = Git.run(dir, "count-objects", "-v");
    assertTrue(counts.contains("count: 1\n") && counts.contains("in-pack: "), counts);

    Git.run(copy, "init", "-q", "-b", "main");
    Git.run(copy, "add", "-A");
    assertEquals(Git.run(copy, "write-tree"), Git.run(dir, "rev-parse", "HEAD^{tree}"));
  }

  @Test
  void aRepositoryWithHistoryTakesTheUsualPath() throws Exception {
    Path dir = tmp.resolve("h");
    tree(dir);
    try (GitRepo repo = new JGitClient().init(dir, "main")) {
      repo.commitAll("first");
      Files.delete(dir.resolve("README.md"));
      Files.writeString(dir.resolve("new.txt"), "new\n");
      repo.commitAll("second");
    }
    Git.run(dir, "fsck", "--full", "--strict");
    assertEquals("", Git.run(dir, "status", "--porcelain"));
    assertEquals("D\tREADME.md\nA\tnew.txt", Git.run(dir, "diff", "--name-status", "HEAD~1", "HEAD"));
  }

  private static void tree(Path d) throws IOException {
    write(d.resolve("README.md"), "# demo\n");
    write(d.resolve("src/main/java/a/App.java"), "class App {}\n");
    write(d.resolve("src/main/java/a/Same.java"), "class App {}\n"); // same content as App.java
    write(d.resolve("scripts/run.sh"), "#!/bin/sh\necho hi\n");
    Files.setPosixFilePermissions(d.resolve("scripts/run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
    write(d.resolve(".gitignore"), "build/\n*.log\n");
    write(d.resolve("build/out.class"), "ignored");
    write(d.resolve("debug.log"), "ignored");
    write(d.resolve("docs/empty.txt"), "");
    byte[] big = new byte[5000];
    Arrays.fill(big, (byte) 'x');
    Files.write(Files.createDirectories(d.resolve("data")).resolve("big1.txt"), big);
    Files.write(d.resolve("data/big2.txt"), big); // a repeated large content is stored once
    Files.write(d.resolve("data/big3.txt"), Arrays.copyOf(big, 4000));
    Files.createSymbolicLink(d.resolve("link"), Path.of("README.md"));
    write(d.resolve("crlf.txt"), "a\r\nb\r\n");
    write(d.resolve("ünïcode name.txt"), "x\n");
  }

  private static void write(Path p, String text) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }
}
