package dev.scaffold.project;

import dev.scaffold.FileTrees;
import dev.scaffold.InputException;
import dev.scaffold.OperationException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * A staging folder beside the destination, on the same file system, so that the finished project
 * moves into place in one rename and a failed run leaves the destination as it was.
 */
public final class Staging implements AutoCloseable {

  private final Path destination;
  private final Path folder;
  private final Thread cleanupOnExit;
  private boolean moved;

  private Staging(Path destination, Path folder) {
    this.destination = destination;
    this.folder = folder;
    // Ctrl-C ends the JVM without running finally blocks; the hook still removes the staging folder
    this.cleanupOnExit = new Thread(() -> FileTrees.deleteQuietly(folder), "scaffold-staging-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanupOnExit);
  }

  public static Staging beside(Path destination) {
    Path parent = destination.toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
      // a unique name needs no secure randomness: seeding SecureRandom (as UUID.randomUUID does)
      // costs ~20 ms of a small run; createDirectory fails on a name taken, and we try the next
      String base = ".scaffold-staging-" + destination.getFileName() + "-" + Long.toHexString(ProcessHandle.current().pid()) + "-";
      long seed = System.nanoTime();
      for (int attempt = 0; ; attempt++) {
        Path folder = parent.resolve(base + Long.toHexString((seed + attempt) & 0xffffffL));
        try {
          Files.createDirectory(folder);
          return new Staging(destination.toAbsolutePath(), folder);
        } catch (java.nio.file.FileAlreadyExistsException e) {
          if (attempt >= 100) {
            throw e;
          }
        }
      }
    } catch (IOException e) {
      throw new OperationException("cannot create a staging folder in " + parent + ": " + e.getMessage(), e);
    }
  }

  public Path folder() {
    return folder;
  }

  /**
   * Moves the staged project into the destination: one rename when the destination is absent or
   * empty, else (with {@code --force}) entry by entry, replacing files of the same name.
   */
  public void moveIntoPlace() {
    try {
      if (Files.isDirectory(destination) && FileTrees.isEmptyDirectory(destination)) {
        Files.delete(destination);
      }
      if (!Files.exists(destination, LinkOption.NOFOLLOW_LINKS)) {
        try {
          Files.move(folder, destination, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(folder, destination);
        }
      } else {
        merge(folder, destination, destination.toRealPath());
      }
      moved = true;
    } catch (IOException e) {
      throw new OperationException("cannot move the project into " + destination + ": " + e.getMessage(), e);
    }
  }

  private static void merge(Path from, Path to, Path realRoot) throws IOException {
    List<Path> entries;
    try (Stream<Path> s = Files.list(from)) {
      entries = s.toList();
    }
    for (Path e : entries) {
      Path target = to.resolve(e.getFileName().toString());
      if (Files.isSymbolicLink(target) || Files.exists(target) && !target.toRealPath().startsWith(realRoot)) {
        throw InputException.at(target.toString(), "is a symbolic link in the destination; refusing to write through it");
      }
      if (Files.isDirectory(e, LinkOption.NOFOLLOW_LINKS) && Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
        merge(e, target, realRoot);
      } else {
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
          FileTrees.deleteRecursively(target);
        }
        try {
          Files.move(e, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (DirectoryNotEmptyException ex) {
          throw new OperationException("cannot replace " + target + ": " + ex.getMessage(), ex);
        }
      }
    }
  }

  @Override
  public void close() {
    FileTrees.deleteQuietly(folder);
    try {
      Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down and the hook runs anyway
    }
  }

  public boolean moved() {
    return moved;
  }
}
