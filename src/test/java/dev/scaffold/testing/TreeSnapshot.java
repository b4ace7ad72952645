package dev.scaffold.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Everything under a folder, links not followed: each entry's type, permissions, link target and
 * content digest. Taken before and after a hostile run, two snapshots must be equal: the user's
 * files byte-identical, nothing added, nothing removed.
 */
public record TreeSnapshot(Path root, Map<String, String> entries) {

  /** A snapshot of {@code root} (an absent root gives an empty one). */
  public static TreeSnapshot of(Path root) {
    return of(root, rel -> true);
  }

  /** A snapshot of the entries of {@code root} whose relative path {@code keep} accepts. */
  public static TreeSnapshot of(Path root, Predicate<String> keep) {
    Map<String, String> out = new TreeMap<>();
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return new TreeSnapshot(root, out);
    }
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
          String rel = rel(root, dir);
          if (!rel.isEmpty() && !keep.test(rel)) {
            return FileVisitResult.SKIP_SUBTREE;
          }
          out.put(rel.isEmpty() ? "." : rel + "/", "dir " + mode(dir));
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          String rel = rel(root, file);
          if (!keep.test(rel)) {
            return FileVisitResult.CONTINUE;
          }
          if (attrs.isSymbolicLink()) {
            out.put(rel, "link -> " + Files.readSymbolicLink(file));
          } else if (attrs.isRegularFile()) {
            out.put(rel, "file " + mode(file) + " " + digest(file));
          } else {
            out.put(rel, "special");
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new TreeSnapshot(root, out);
  }

  /** Fails, listing the differences, unless {@code root} is now as it was. */
  public void assertUnchanged() {
    TreeSnapshot now = of(root);
    assertEquals(entries, now.entries, "the tree under " + root + " changed");
  }

  /** Fails unless {@code root}, filtered by {@code keep}, is now as it was (taken with the same filter). */
  public void assertUnchanged(Predicate<String> keep) {
    assertEquals(entries, of(root, keep).entries, "the tree under " + root + " changed");
  }

  private static String rel(Path root, Path p) {
    return root.relativize(p).toString().replace('\\', '/');
  }

  private static String mode(Path p) throws IOException {
    try {
      return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    } catch (UnsupportedOperationException e) {
      return "";
    }
  }

  private static String digest(Path p) throws IOException {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(Files.readAllBytes(p)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
