package dev.scaffold;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Whole-folder operations that java.nio lacks. */
public final class FileTrees {

  private FileTrees() {}

  /** Deletes a folder and everything in it, never following symbolic links; missing is fine. */
  public static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
            if (exc != null) {
              throw exc;
            }
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /** Like {@link #deleteRecursively} but for cleanup paths, where a failure must not hide the real error. */
  public static void deleteQuietly(Path root) {
    try {
      deleteRecursively(root);
    } catch (IOException | RuntimeException e) {
      // best effort: leaving a temporary folder behind is better than masking the original failure
    }
  }

  /** Whether a folder has no entries (a missing folder counts as empty). */
  public static boolean isEmptyDirectory(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return true;
    }
    try (var s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }
}
