package dev.scaffold.render;

import dev.scaffold.InputException;
import dev.scaffold.OperationException;
import dev.scaffold.Problem;
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

  private final TemplateEngine engine;

  public Renderer(TemplateEngine engine) {
    this.engine = engine;
  }

  /**
   * @param tree the template's {@code subdirectory}, the root of what is rendered
   * @param treeName how to name the tree in messages, such as {@code template}
   */
  public RenderPlan plan(Path tree, String treeName, List<String> exclude, Map<String, ?> model) {
    Glob excluded = new Glob(exclude);
    boolean posix = tree.getFileSystem().supportedFileAttributeViews().contains("posix");
    // one attribute read per entry (type, and on POSIX its permissions), instead of three
    Map<Path, BasicFileAttributes> attributes = new HashMap<>();
    try {
      walk(tree, posix ? PosixFileAttributes.class : BasicFileAttributes.class, attributes);
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new OperationException("cannot read the template tree " + tree + ": " + e.getMessage(), e);
    }
    List<Path> sources = new ArrayList<>(attributes.keySet());
    sources.sort(null);
    Path realTree = realPath(tree);
    Map<String, String> renderedDirs = new HashMap<>(); // source dir -> output dir ("" = dropped)
    Map<String, String> seen = new HashMap<>();
    List<PlannedEntry> out = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();

    for (Path source : sources) {
      String rel = relative(tree, source);
      String sourceName = treeName + "/" + rel;
      int slash = rel.lastIndexOf('/');
      String parentOut = slash < 0 ? "" : renderedDirs.get(rel.substring(0, slash));
      if (parentOut == null) {
        continue; // the parent folder was dropped or excluded
      }
      BasicFileAttributes attrs = attributes.get(source);
      boolean isLink = attrs.isSymbolicLink();
      boolean isDir = attrs.isDirectory();
      if (isLink) {
        Path target = realPath(source);
        if (target == null || realTree == null || !target.startsWith(realTree)) {
          problems.add(Problem.at(sourceName, "symbolic link points outside the template"));
          continue;
        }
        if (Files.isDirectory(target)) {
          problems.add(Problem.at(sourceName, "symbolic links to folders are not supported in templates"));
          continue;
        }
      }
      String name = rel.substring(slash + 1);
      boolean render = !isDir && name.endsWith(RENDER_SUFFIX);
      String renderedName;
      try {
        renderedName = engine.renderSegment(name, sourceName, model);
      } catch (InputException e) {
        problems.addAll(e.problems());
        continue;
      }
      if (render && renderedName.endsWith(RENDER_SUFFIX)) {
        renderedName = renderedName.substring(0, renderedName.length() - RENDER_SUFFIX.length());
      }
      if (renderedName.isEmpty()) {
        if (isDir) {
          renderedDirs.put(rel, null);
        }
        continue; // a segment rendered to "" drops the entry: conditional files
      }
      String problem = unsafeSegment(renderedName);
      if (problem != null) {
        problems.add(Problem.at(sourceName, "rendered path `" + renderedName + "` " + problem + "; nothing was written"));
        continue;
      }
      String outPath = parentOut.isEmpty() ? renderedName : parentOut + "/" + renderedName;
      if (excluded.matches(outPath) || excluded.matches(rel)) {
        if (isDir) {
          renderedDirs.put(rel, null);
        }
        continue;
      }
      String previous = seen.putIfAbsent(outPath, sourceName);
      if (previous != null && !isDir) {
        problems.add(Problem.at(sourceName, "renders to `" + outPath + "`, as " + previous + " does"));
        continue;
      }
      if (isDir) {
        renderedDirs.put(rel, outPath);
        if (previous == null) {
          addParents(outPath, out, seen);
          out.add(new PlannedEntry(outPath, PlannedEntry.Kind.DIRECTORY, null, sourceName, null));
        }
      } else {
        addParents(outPath, out, seen);
        out.add(
            new PlannedEntry(
                outPath,
                render ? PlannedEntry.Kind.RENDER : PlannedEntry.Kind.COPY,
                source,
                sourceName,
                posix ? permissions(source, isLink ? null : attrs) : null));
      }
    }
    if (!problems.isEmpty()) {
      throw new InputException(
          problems.size() == 1 ? problems.get(0).toString() : problems.size() + " problems in the template",
          problems);
    }
    return new RenderPlan(out);
  }

  /** A rendered segment may hold {@code /} (a package path), but never leave the destination. */
  static String unsafeSegment(String segment) {
    if (segment.startsWith("/") || segment.matches("^[A-Za-z]:.*")) {
      return "is absolute";
    }
    if (segment.indexOf('\0') >= 0 || segment.indexOf('\\') >= 0) {
      return "contains a NUL or backslash";
    }
    for (String part : segment.split("/", -1)) {
      if (part.equals("..")) {
        return "leaves the destination";
      }
      if (part.isEmpty() || part.equals(".")) {
        return "has an empty or `.` segment";
      }
    }
    return null;
  }

  // a segment holding "/" creates folders the tree did not list
  private static void addParents(String outPath, List<PlannedEntry> out, Map<String, String> seen) {
    int i = outPath.indexOf('/');
    while (i > 0) {
      String dir = outPath.substring(0, i);
      if (seen.putIfAbsent(dir, "") == null) {
        out.add(new PlannedEntry(dir, PlannedEntry.Kind.DIRECTORY, null, dir, null));
      }
      i = outPath.indexOf('/', i + 1);
    }
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
