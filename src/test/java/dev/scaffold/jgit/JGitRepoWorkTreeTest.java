package dev.scaffold.jgit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.publish.GitRepo;
import dev.scaffold.testing.Git;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ids an update compares unchanged files by, instead of reading them: exactly git's own ids of
 * the files a status finds unchanged, and none where a file's bytes could differ from its blob.
 */
class JGitRepoWorkTreeTest {

  @TempDir Path tmp;

  private Path project() throws Exception {
    Path dir = tmp.resolve("p");
    Files.createDirectories(dir.resolve("src"));
    Files.writeString(dir.resolve("README.md"), "# p\n");
    Files.writeString(dir.resolve("src/a.txt"), "a\n");
    Files.writeString(dir.resolve("src/b.txt"), "b\n");
    Files.writeString(dir.resolve("run.sh"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(dir.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createSymbolicLink(dir.resolve("link"), Path.of("README.md"));
    Git.run(dir, "init", "-q", "-b", "main");
    Git.run(dir, "add", "-A");
    Git.run(dir, "commit", "-q", "-m", "one");
    return dir;
  }

  /** {@code git ls-files -s}: path → {mode, id}. */
  private static Map<String, String[]> gitIndex(Path dir) {
    Map<String, String[]> out = new TreeMap<>();
    for (String line : Git.run(dir, "ls-files", "-s").split("\n")) {
      String[] modeIdStage = line.substring(0, line.indexOf('\t')).split(" ");
      out.put(line.substring(line.indexOf('\t') + 1), new String[] {modeIdStage[0], modeIdStage[1]});
    }
    return out;
  }

  private static GitRepo.WorkTree workTree(Path dir) {
    try (GitRepo repo = new JGitClient().open(dir)) {
      return repo.workTree();
    }
  }

  @Test
  void unchangedRegularFilesHaveGitsIds() throws Exception {
    Path dir = project();
    Files.writeString(dir.resolve("src/a.txt"), "a, edited\n"); // modified
    Files.writeString(dir.resolve("new.txt"), "new\n"); // untracked
    Files.writeString(dir.resolve("src/b.txt"), "b, staged\n");
    Git.run(dir, "add", "src/b.txt"); // staged
    Files.writeString(dir.resolve("src/b.txt"), "b\n"); // and back: the index differs from HEAD

    GitRepo.WorkTree tree = workTree(dir);

    assertEquals(List.of("new.txt", "src/a.txt", "src/b.txt"), tree.changed());
    Map<String, String[]> index = gitIndex(dir);
    assertEquals(List.of("README.md", "run.sh"), List.copyOf(new java.util.TreeSet<>(tree.unchanged().keySet())));
    assertEquals(index.get("README.md")[1], tree.unchanged().get("README.md").id());
    assertFalse(tree.unchanged().get("README.md").executable());
    assertEquals(index.get("run.sh")[1], tree.unchanged().get("run.sh").id());
    assertTrue(tree.unchanged().get("run.sh").executable());
  }

  @Test
  void namesBeyondAsciiKeepTheirPathsAndIds() throws Exception {
    Path dir = tmp.resolve("p");
    Files.createDirectories(dir.resolve("caf\u00e9"));
    Files.writeString(dir.resolve("caf\u00e9/na\u00efve \u2713.txt"), "accents\n");
    Files.writeString(dir.resolve("plain.txt"), "plain\n");
    Git.run(dir, "init", "-q", "-b", "main");
    Git.run(dir, "add", "-A");
    Git.run(dir, "commit", "-q", "-m", "one");
    Map<String, String> ids = new TreeMap<>();
    for (String line : Git.run(dir, "-c", "core.quotepath=off", "ls-files", "-s").split("\n")) {
      ids.put(line.substring(line.indexOf('\t') + 1), line.split(" ")[1]);
    }

    Map<String, String> unchanged = new TreeMap<>();
    workTree(dir).unchanged().forEach((path, tracked) -> unchanged.put(path, tracked.id()));

    assertEquals(ids, unchanged);
    assertTrue(unchanged.containsKey("caf\u00e9/na\u00efve \u2713.txt"), unchanged.toString());
  }

  @Test
  void noIdsWhereLineEndingsOrFiltersCouldApply() throws Exception {
    Path dir = project();
    Git.run(dir, "config", "core.autocrlf", "input");
    assertEquals(Map.of(), workTree(dir).unchanged());

    Git.run(dir, "config", "--unset", "core.autocrlf");
    assertFalse(workTree(dir).unchanged().isEmpty());

    Files.writeString(dir.resolve("src/.gitattributes"), "*.txt text eol=crlf\n");
    Git.run(dir, "add", "-A");
    Git.run(dir, "commit", "-q", "-m", "attributes");
    assertEquals(Map.of(), workTree(dir).unchanged());
  }

  @Test
  void noIdsWhereTheExecutableBitIsNotTracked() throws Exception {
    Path dir = project();
    Git.run(dir, "config", "core.filemode", "false");
    assertEquals(Map.of(), workTree(dir).unchanged());
  }
}
