package dev.scaffold.update;

import dev.scaffold.OperationException;
import dev.scaffold.TempFolders;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A copy of a project's files (all but {@code .git}) taken before the update runs the template's
 * commands in it, so that a failing {@code before} migration leaves the project as it was: the
 * command may have changed, added or removed anything, links included. Taken only when there is
 * such a command to run; it costs a copy of the project.
 */
final class ProjectBackup implements AutoCloseable {

  private enum Kind { FILE, FOLDER, LINK }

  private final Path project;
  private final Path copy;
  /** Relative path → kind, folders before what they hold. */
  private final Map<String, Kind> entries;

  private ProjectBackup(Path project, Path copy, Map<String, Kind> entries) {
    this.project = project;
    this.copy = copy;
    this.entries = entries;
  }

  static ProjectBackup of(Path project) {
    Path copy = TempFolders.create("scaffold-backup-");
    try {
      Map<String, Kind> entries = walk(project);
      for (Map.Entry<String, Kind> e : entries.entrySet()) {
        Path from = project.resolve(e.getKey());
        Path to = copy.resolve(e.getKey());
        if (e.getValue() == Kind.FOLDER) {
          Files.createDirectories(to);
        } else {
          Files.copy(from, to, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
      return new ProjectBackup(project, copy, entries);
    } catch (IOException | RuntimeException e) {
      TempFolders.delete(copy);
      throw new OperationException("cannot back up " + project + " before running the template's migrations: "
          + e.getMessage(), e);
    }
  }

  /** Puts the project back as it was when the copy was taken. */
  void restore() {
    try {
      Map<String, Kind> now = walk(project);
      List<String> gone = new ArrayList<>(now.keySet());
      java.util.Collections.reverse(gone); // what a folder holds before the folder
      for (String rel : gone) {
        if (entries.get(rel) != now.get(rel)) {
          Path p = project.resolve(rel);
          if (now.get(rel) == Kind.FOLDER) {
            dev.scaffold.FileTrees.deleteRecursively(p);
          } else {
            Files.deleteIfExists(p);
          }
        }
      }
      for (Map.Entry<String, Kind> e : entries.entrySet()) {
        Path from = copy.resolve(e.getKey());
        Path to = project.resolve(e.getKey());
        switch (e.getValue()) {
          case FOLDER -> {
            if (!Files.isDirectory(to, LinkOption.NOFOLLOW_LINKS)) {
              Files.createDirectory(to);
            }
          }
          case LINK -> {
            if (!Files.isSymbolicLink(to) || !Files.readSymbolicLink(to).equals(Files.readSymbolicLink(from))) {
              Files.deleteIfExists(to);
              Files.copy(from, to, LinkOption.NOFOLLOW_LINKS);
            }
          }
          case FILE -> {
            if (!Files.isRegularFile(to, LinkOption.NOFOLLOW_LINKS) || Files.mismatch(from, to) != -1
                || Files.isExecutable(from) != Files.isExecutable(to)) {
              Files.copy(from, to, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.REPLACE_EXISTING,
                  StandardCopyOption.COPY_ATTRIBUTES);
            }
          }
          default -> throw new IllegalStateException();
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new OperationException("cannot restore " + project + " from its backup " + copy
          + " (left there for you): " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    TempFolders.delete(copy);
  }

  /** Every entry of {@code root} but {@code .git}, not following links, each folder before its contents. */
  private static Map<String, Kind> walk(Path root) throws IOException {
    Map<String, Kind> out = new LinkedHashMap<>();
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        if (dir.equals(root)) {
          return FileVisitResult.CONTINUE;
        }
        String rel = rel(root, dir);
        if (rel.equals(".git")) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        out.put(rel, Kind.FOLDER);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        String rel = rel(root, file);
        if (!rel.equals(".git") && !attrs.isOther()) { // a worktree's .git file; FIFOs would block a copy
          out.put(rel, attrs.isSymbolicLink() ? Kind.LINK : Kind.FILE);
        }
        return FileVisitResult.CONTINUE;
      }
    });
    return out;
  }

  private static String rel(Path root, Path p) {
    return root.relativize(p).toString().replace('\\', '/');
  }
}
