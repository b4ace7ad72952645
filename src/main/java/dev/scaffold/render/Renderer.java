package dev.scaffold.render;

import dev.scaffold.FileModes;
import dev.scaffold.InputException;
import dev.scaffold.OperationException;
import dev.scaffold.engine.TemplateEngine;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a template tree and the answers into a {@link RenderPlan}: every path segment rendered,
 * empty segments dropping their file or folder, {@code exclude} applied, and every output path
 * checked to stay inside the destination. Writes nothing.
 */
public final class Renderer {

  public static final String RENDER_SUFFIX = ".ftl";

  /** FIFOs, sockets and devices are refused unopened: opening a FIFO blocks for ever, a device reads without end. */
  private static final String SPECIAL_FILE = "FIFO, socket or device, which a template may not hold (it was not opened)";

  private final TemplateEngine engine;

  public Renderer(TemplateEngine engine) {
    this.engine = engine;
  }

  /**
   * @param tree the template's {@code subdirectory}, the root of what is rendered
   * @param treeName how to name the tree in messages, such as {@code template}
   */
  public RenderPlan plan(Path tree, String treeName, List<String> exclude, Map<String, ?> model) {
    return plan(tree, treeName, exclude, model, null);
  }

  /**
   * @param recorded the files' modes relative to {@code tree} where the tree's file system keeps
   *     none (a jar), or null to copy each source's POSIX permissions
   */
  public RenderPlan plan(Path tree, String treeName, List<String> exclude, Map<String, ?> model, FileModes recorded) {
    boolean posix = recorded == null && tree.getFileSystem().supportedFileAttributeViews().contains("posix");
    Class<? extends BasicFileAttributes> type = posix ? PosixFileAttributes.class : BasicFileAttributes.class;
    // the tree itself a link would make its target the boundary (and walk it): refused before reading anything
    if (Files.isSymbolicLink(tree)) {
      throw InputException.at(treeName + "/", "is a symbolic link; the template tree must be a folder of the template itself");
    }
    // one attribute read per entry (type, and on POSIX its permissions), instead of three
    Map<Path, BasicFileAttributes> attributes = new HashMap<>();
    try {
      walk(tree, type, attributes);
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new OperationException("cannot read the template tree " + tree + ": " + e.getMessage(), e);
    }
    List<Path> sources = new ArrayList<>(attributes.keySet());
    sources.sort(null);
    Path realTree = realPath(tree);
    PathPlanner paths = new PathPlanner(engine, treeName, exclude, model);
    List<PlannedEntry> out = new ArrayList<>();
    for (Path source : sources) {
      String rel = relative(tree, source);
      if (paths.parentDropped(rel)) {
        continue;
      }
      BasicFileAttributes attrs = attributes.get(source);
      if (attrs.isOther()) {
        paths.refuse(rel, "is a " + SPECIAL_FILE);
        continue;
      }
      if (attrs.isSymbolicLink()) {
        // the real path, so chains of links are followed to their end; only links pay for it
        Path target = realPath(source);
        if (target == null || realTree == null || !target.startsWith(realTree)) {
          paths.refuse(rel, "symbolic link points outside the template tree (or nowhere)");
          continue;
        }
        attrs = readAttributes(target, type);
        if (attrs == null || attrs.isOther()) {
          paths.refuse(rel, attrs == null ? "symbolic link cannot be followed" : "symbolic link to a " + SPECIAL_FILE);
          continue;
        }
        if (attrs.isDirectory()) {
          paths.refuse(rel, "symbolic links to folders are not supported in templates");
          continue;
        }
      }
      PathPlanner.Placement p = paths.place(rel, attrs.isDirectory());
      if (p == null) {
        continue;
      }
      for (String dir : p.newFolders()) {
        out.add(new PlannedEntry(dir, PlannedEntry.Kind.DIRECTORY, null, dir, null));
      }
      if (!attrs.isDirectory()) {
        out.add(new PlannedEntry(p.path(), p.render() ? PlannedEntry.Kind.RENDER : PlannedEntry.Kind.COPY, source,
            treeName + "/" + rel, recorded != null ? recorded.permissions(rel) : posix ? permissions(source, attrs) : null));
      }
    }
    paths.finish();
    return new RenderPlan(out);
  }

  /** Every entry under {@code dir}, with its attributes, not following symbolic links (as Files.walk). */
  private static void walk(Path dir, Class<? extends BasicFileAttributes> type, Map<Path, BasicFileAttributes> into)
      throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path p : entries) {
        BasicFileAttributes a = Files.readAttributes(p, type, LinkOption.NOFOLLOW_LINKS);
        into.put(p, a);
        if (a.isDirectory()) {
          walk(p, type, into);
        }
      }
    }
  }

  /** The permissions of {@code p}, following a link; from {@code attrs} when they hold them. */
  private static Set<PosixFilePermission> permissions(Path p, BasicFileAttributes attrs) {
    if (attrs instanceof PosixFileAttributes posix) {
      return posix.permissions();
    }
    try {
      return Files.getFileAttributeView(p, PosixFileAttributeView.class).readAttributes().permissions();
    } catch (IOException | UnsupportedOperationException e) {
      return null;
    }
  }

  private static BasicFileAttributes readAttributes(Path p, Class<? extends BasicFileAttributes> type) {
    try {
      return Files.readAttributes(p, type);
    } catch (IOException e) {
      return null;
    }
  }

  private static Path realPath(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return null;
    }
  }

  private static String relative(Path root, Path p) {
    String s = root.relativize(p).toString();
    String sep = root.getFileSystem().getSeparator();
    return sep.equals("/") ? s : s.replace(sep, "/");
  }
}
