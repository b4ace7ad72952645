package dev.scaffold.render;

import dev.scaffold.InputException;
import dev.scaffold.Problem;
import dev.scaffold.engine.TemplateEngine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The path rules of a render, for template entries met in tree order (each folder before what it
 * holds): every segment rendered, {@code .ftl} stripped, an empty segment dropping its file or
 * folder with everything below, {@code exclude} applied, no output path leaving the destination,
 * no segment naming {@code .git} (in the template or rendered), and no two files on one path.
 * Problems are collected; {@link #finish()} throws them all. Shared
 * by the planner over folders and the one over git trees, so that both follow one set of rules.
 */
public final class PathPlanner {

  /** Where an entry goes: its output path, and the folders this placement creates first. */
  public record Placement(String path, boolean render, List<String> newFolders) {}

  private final TemplateEngine engine;
  private final String treeName;
  private final Glob excluded;
  private final Map<String, ?> model;
  private final Map<String, String> renderedDirs = new HashMap<>(); // source folder -> output folder, null = dropped
  private final Map<String, String> seen = new HashMap<>(); // output path -> source that took it
  private final List<Problem> problems = new ArrayList<>();

  public PathPlanner(TemplateEngine engine, String treeName, List<String> exclude, Map<String, ?> model) {
    this.engine = engine;
    this.treeName = treeName;
    this.excluded = new Glob(exclude, "exclude");
    this.model = model;
  }

  /** Whether the folder holding {@code rel} was dropped, excluded or refused (so {@code rel} is too). */
  public boolean parentDropped(String rel) {
    int slash = rel.lastIndexOf('/');
    return slash >= 0 && renderedDirs.get(rel.substring(0, slash)) == null;
  }

  /** Records a problem with a template entry, such as a symbolic link leaving the template. */
  public void refuse(String rel, String what) {
    problems.add(Problem.at(treeName + "/" + rel, what));
  }

  /**
   * Places one entry, given by its path inside the tree.
   *
   * @return where it goes, or null when it is dropped, excluded or refused
   */
  public Placement place(String rel, boolean isDir) {
    return place(rel, isDir, null);
  }

  /**
   * {@link #place(String, boolean)} for a caller that has the entry's name in the template ({@code
   * TREE/REL}) at hand: a large template places thousands of entries, and most need no name made.
   */
  public Placement place(String rel, boolean isDir, String knownSourceName) {
    int slash = rel.lastIndexOf('/');
    String parentOut = slash < 0 ? "" : renderedDirs.get(rel.substring(0, slash));
    if (parentOut == null) {
      return null; // as parentDropped
    }
    String sourceName = knownSourceName != null ? knownSourceName : treeName + "/" + rel;
    String name = rel.substring(slash + 1);
    if (DotGit.names(name)) {
      problems.add(Problem.at(sourceName, "is a `.git` " + (isDir ? "folder" : "file")
          + " in the template; nothing is ever written into .git, and nothing was written"));
      return null;
    }
    boolean render = !isDir && name.endsWith(Renderer.RENDER_SUFFIX);
    String renderedName;
    try {
      renderedName = engine.renderSegment(name, sourceName, model);
    } catch (InputException e) {
      problems.addAll(e.problems());
      return null;
    }
    if (render && renderedName.endsWith(Renderer.RENDER_SUFFIX)) {
      renderedName = renderedName.substring(0, renderedName.length() - Renderer.RENDER_SUFFIX.length());
    }
    if (renderedName.isEmpty()) {
      return null; // a segment rendered to "" drops the entry: conditional files
    }
    String problem = unsafeSegment(renderedName);
    if (problem != null) {
      problems.add(Problem.at(sourceName, "rendered path `" + renderedName + "` " + problem + "; nothing was written"));
      return null;
    }
    // a name left as it was (renderSegment hands back the very string when nothing in it renders),
    // in a folder that kept its path: the output path is the source's, and no new string is made
    String outPath = renderedName == name && parentOut.length() == Math.max(slash, 0) && rel.startsWith(parentOut) ? rel
        : parentOut.isEmpty() ? renderedName : parentOut + "/" + renderedName;
    if (excluded.matches(outPath, isDir) || excluded.matches(rel, isDir)) {
      if (isDir && excluded.hasNegations()) {
        renderedDirs.put(rel, outPath); // its entries are judged one by one: a later `!` may take some back
      }
      return null;
    }
    String previous = seen.putIfAbsent(outPath, sourceName);
    if (previous != null && !isDir) {
      problems.add(Problem.at(sourceName, "renders to `" + outPath + "`, as " + previous + " does"));
      return null;
    }
    List<String> newFolders = parents(outPath);
    if (isDir) {
      renderedDirs.put(rel, outPath);
      if (previous == null) {
        newFolders = new ArrayList<>(newFolders);
        newFolders.add(outPath);
      }
    }
    return new Placement(outPath, render, newFolders);
  }

  /** Throws every problem found, if any. */
  public void finish() {
    if (!problems.isEmpty()) {
      throw new InputException(
          problems.size() == 1 ? problems.get(0).toString() : problems.size() + " problems in the template", problems);
    }
  }

  /** A rendered segment may hold {@code /} (a package path), but never leave the destination. */
  static String unsafeSegment(String segment) {
    if (segment.startsWith("/") || segment.length() >= 2 && segment.charAt(1) == ':' && isAsciiLetter(segment.charAt(0))) {
      return "is absolute";
    }
    if (segment.indexOf('\0') >= 0 || segment.indexOf('\\') >= 0) {
      return "contains a NUL or backslash";
    }
    for (int start = 0, end; start <= segment.length(); start = end + 1) {
      end = segment.indexOf('/', start);
      if (end < 0) {
        end = segment.length();
      }
      String part = segment.substring(start, end);
      if (part.equals("..")) {
        return "leaves the destination";
      }
      if (part.isEmpty() || part.equals(".")) {
        return "has an empty or `.` segment";
      }
      if (DotGit.names(part)) {
        return "names `.git`, where nothing is ever written";
      }
    }
    return null;
  }

  private static boolean isAsciiLetter(char c) {
    return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
  }

  /**
   * Folders above {@code outPath} not seen yet: a segment holding "/" creates folders the tree did
   * not list. Every path seen has its folders seen too, so the search starts below the deepest
   * folder seen (for most files, their own folder: one look-up).
   */
  private List<String> parents(String outPath) {
    int folder = outPath.lastIndexOf('/');
    if (folder == lastFolder.length() && outPath.startsWith(lastFolder)) {
      return List.of(); // the folder of the path placed before, as most are: seen, and no string made to ask
    }
    List<String> out = new ArrayList<>();
    int known = folder;
    while (known > 0 && !seen.containsKey(outPath.substring(0, known))) {
      known = outPath.lastIndexOf('/', known - 1);
    }
    for (int i = outPath.indexOf('/', Math.max(known, 0) + 1); i > 0; i = outPath.indexOf('/', i + 1)) {
      String dir = outPath.substring(0, i);
      if (seen.putIfAbsent(dir, "") == null) {
        out.add(dir);
      }
    }
    if (folder > 0) {
      lastFolder = outPath.substring(0, folder);
    }
    return out;
  }

  /** The output folder of the last path {@link #parents} was asked about: seen, with all above it. */
  private String lastFolder = "\0";
}
