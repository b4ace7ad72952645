package dev.scaffold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scaffold.testing.Cli;
import dev.scaffold.testing.Git;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** From the classes folder too, bundled files get their recorded modes (the jar-level check is ModesJarIT). */
class BundledTemplateModesCliTest {

  @Test
  void newWritesAndCommitsBundledFilesWithTheirRecordedModes(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("lib");
    Cli.Run r = Cli.run(Path.of("").toAbsolutePath(), "new", "java-library", out.toString(),
        "--answers", "answers-examples/java-library.yml", "--non-interactive", "--no-github");
    assertEquals(0, r.exit(), r.err());
    for (String line : Git.run(out, "ls-files", "-s").split("\n")) {
      String path = line.substring(line.indexOf('\t') + 1);
      String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve(path)));
      assertEquals("100644 rw-r--r--", line.substring(0, 6) + " " + perms, path);
    }
  }
}
