package dev.scaffold.template;

import dev.scaffold.InputException;
import dev.scaffold.InputFiles;
import dev.scaffold.OperationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The template's folder is the boundary of what a template may read: {@code scaffold.yml} and the
 * tree it names must be in it, not reached through a link that leaves it (a {@code scaffold.yml}
 * linked to a key file would show the key in the parse error), nor be a FIFO or device, which
 * would hang or never end. The root is resolved once; everything else is compared to it.
 */
final class TemplateBoundary {

  private final Path root;
  private final Path realRoot;
  private final String where;

  /** @param where how to name the template's scaffold.yml in messages */
  TemplateBoundary(Path root, String where) {
    this.root = root;
    this.where = where;
    try {
      this.realRoot = root.toRealPath();
    } catch (IOException e) {
      throw new OperationException("cannot read the template " + root + ": " + e.getMessage(), e);
    }
  }

  /** The text of {@code scaffold.yml}, or null when there is none. */
  String readSpec() {
    Path yml = root.resolve("scaffold.yml");
    try {
      BasicFileAttributes a = Files.readAttributes(yml, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (a.isSymbolicLink()) {
        Path target = realPathOrNull(yml);
        if (target == null || !target.startsWith(realRoot)) {
          throw InputException.at(where, "is a symbolic link out of the template (or to nothing); it was not read");
        }
        a = Files.readAttributes(target, BasicFileAttributes.class);
      }
      if (!a.isRegularFile()) {
        throw InputException.at(where, "is not a regular file (a folder, FIFO, socket or device); it was not read");
      }
      return InputFiles.readText(yml, where); // capped in size, UTF-8 checked
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new OperationException("cannot read " + yml + ": " + e.getMessage(), e);
    }
  }

  /**
   * Refuses a tree ({@code subdirectory}) that is missing, outside the template, or reached through
   * a symbolic link: a link would make its target the boundary every later check trusts.
   */
  void checkTree(String subdirectory) {
    Path tree = root.resolve(subdirectory);
    Path expected = realRoot.resolve(subdirectory).normalize();
    if (!expected.startsWith(realRoot)) {
      throw InputException.at(where, "`subdirectory` `" + subdirectory + "` leaves the template");
    }
    Path real = realPathOrNull(tree);
    if (real == null || !Files.isDirectory(real)) {
      throw InputException.at(where, "the template tree `" + subdirectory + "/` is missing");
    }
    if (!real.equals(expected)) {
      throw InputException.at(where, "the template tree `" + subdirectory + "/` is a symbolic link or passes through "
          + "one; it must be a folder of the template itself");
    }
  }

  private static Path realPathOrNull(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return null;
    }
  }
}
