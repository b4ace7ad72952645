package dev.scaffold;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes below a root folder that never go through a symbolic link: every folder between the root
 * and a file is checked to be a real folder (made one at a time where missing, never with
 * {@code createDirectories}, which follows links), and files are opened without following a link
 * at their own name. Checked folders are remembered for the run, so that thousands of files in one
 * folder cost one check. The root itself is the caller's to vouch for.
 *
 * <p>This guards against links already in the tree (a project whose {@code docs/} points
 * elsewhere), not against a local process swapping folders for links while the run writes.
 */
public final class ConfinedPaths {

  private static final OpenOption[] REPLACE = {
    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS
  };
  private static final OpenOption[] NEW = {StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE};

  private final Path root;
  private final Set<Path> folders = ConcurrentHashMap.newKeySet();

  public ConfinedPaths(Path root) {
    this.root = root.toAbsolutePath().normalize();
    folders.add(this.root);
  }

  public Path root() {
    return root;
  }

  /**
   * The path of {@code relative} below the root, with every folder above it present and real.
   *
   * @throws InputException naming the first component that is a link or not a folder
   */
  public Path prepare(String relative) throws IOException {
    Path target = root.resolve(relative).normalize();
    if (!target.startsWith(root) || target.equals(root)) {
      throw InputException.at(target.toString(), "is not inside " + root);
    }
    folder(target.getParent());
    return target;
  }

  /** Makes {@code relative} and the folders above it, each a real folder. */
  public Path folder(String relative) throws IOException {
    Path dir = root.resolve(relative).normalize();
    if (!dir.startsWith(root)) {
      throw InputException.at(dir.toString(), "is not inside " + root);
    }
    folder(dir);
    return dir;
  }

  private void folder(Path dir) throws IOException {
    if (folders.contains(dir)) {
      return;
    }
    folder(dir.getParent());
    try {
      Files.createDirectory(dir);
    } catch (FileAlreadyExistsException e) {
      requireRealFolder(dir);
    }
    folders.add(dir);
  }

  /** Fails unless {@code dir} is a folder and not a link to one. */
  public static void requireRealFolder(Path dir) throws IOException {
    BasicFileAttributes a = Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (a.isSymbolicLink()) {
      throw InputException.at(dir.toString(), "is a symbolic link in the destination; refusing to write through it");
    }
    if (!a.isDirectory()) {
      throw InputException.at(dir.toString(), "is in the way of a folder scaffold writes into: it is not a folder");
    }
  }

  /** Fails when {@code p} is a link; a missing path is fine. */
  public static void requireNoLink(Path p) {
    if (Files.isSymbolicLink(p)) {
      throw InputException.at(p.toString(), "is a symbolic link in the destination; refusing to write through it");
    }
  }

  /** Opens {@code relative} to be created or truncated, refusing a link at its name or above it. */
  public OutputStream replace(String relative) throws IOException {
    Path target = prepare(relative);
    requireNoLink(target);
    return Files.newOutputStream(target, REPLACE);
  }

  /** Opens {@code relative}, which must not exist yet (a link of that name counts as existing). */
  public OutputStream create(String relative) throws IOException {
    return Files.newOutputStream(prepare(relative), NEW);
  }

  /** Writes {@code bytes} to {@code relative}, created or replaced, never through a link. */
  public void write(String relative, byte[] bytes) throws IOException {
    try (OutputStream out = replace(relative)) {
      out.write(bytes);
    }
  }
}
