package dev.scaffold.update;

import dev.scaffold.OperationException;
import dev.scaffold.answers.AnswersFile;
import dev.scaffold.publish.GitRepo;
import dev.scaffold.render.Glob;
import dev.scaffold.update.FileOutcome.Action;
import dev.scaffold.update.RenderedTree.Content;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides what an update does to each path either render has ({@link TreeMerger} lists the
 * rules): reads the files it needs, writes nothing. Safe to call from several threads at once.
 */
final class FileDecider {

  private final TextMerge textMerge;
  private final ConflictStyle style;
  private final Glob skipIfExists;
  private final String baseLabel;
  private final String theirsLabel;
  private final java.util.function.Predicate<String> newlyExcluded;

  FileDecider(TextMerge textMerge, ConflictStyle style, Glob skipIfExists, String baseLabel, String theirsLabel,
      java.util.function.Predicate<String> newlyExcluded) {
    this.textMerge = textMerge;
    this.style = style;
    this.skipIfExists = skipIfExists;
    this.baseLabel = baseLabel;
    this.theirsLabel = theirsLabel;
    this.newlyExcluded = newlyExcluded;
  }

  /**
   * One path to settle: where the user's file is, and where it is in each render.
   *
   * @param movedFrom where the renders have the file, when the user moved it (and {@code path} is
   *     where it is now); else null
   */
  record Item(String path, String oursPath, String basePath, String theirsPath, String movedFrom) {

    Item(String path, String oursPath, String basePath, String theirsPath) {
      this(path, oursPath, basePath, theirsPath, null);
    }

    boolean renamed() {
      return basePath != null && theirsPath != null && !basePath.equals(theirsPath);
    }
  }

  /** @param unmerged for a conflict: the three sides, to record in the index; else null */
  record Decision(FileOutcome outcome, List<TreeMerger.Write> writes, List<String> deletes, GitRepo.Unmerged unmerged) {

    Decision(FileOutcome outcome, List<TreeMerger.Write> writes, List<String> deletes) {
      this(outcome, writes, deletes, null);
    }

    static Decision of(FileOutcome outcome) {
      return new Decision(outcome, List.of(), List.of());
    }
  }

  /**
   * @param unchanged the project's files git found unchanged, with their blob ids: where the user
   *     moved a template file, the one that holds the old render's bytes at a path neither render has
   */
  List<Item> items(RenderedTree base, RenderedTree theirs, Path project, Map<String, GitRepo.TrackedFile> unchanged)
      throws IOException {
    // a source rendered to a new path, whose old path is gone from the new render: a rename
    Map<String, String> vanishedBySource = new HashMap<>();
    base.sources().forEach((path, source) -> {
      if (!theirs.has(path)) {
        vanishedBySource.put(source, path);
      }
    });
    Set<String> renamedFrom = new HashSet<>();
    Map<String, String> renameOf = new HashMap<>();
    theirs.sources().forEach((path, source) -> {
      String old = base.has(path) ? null : vanishedBySource.get(source);
      if (old != null && Files.exists(project.resolve(old), LinkOption.NOFOLLOW_LINKS)
          && !Files.exists(project.resolve(path), LinkOption.NOFOLLOW_LINKS)) {
        renameOf.put(path, old);
        renamedFrom.add(old);
      }
    });
    TreeSet<String> paths = new TreeSet<>(base.sources().keySet());
    paths.addAll(theirs.sources().keySet());
    paths.remove(AnswersFile.NAME);
    Map<String, String> movedTo = movedByUser(base, theirs, project, unchanged, renameOf.keySet());
    List<Item> items = new ArrayList<>();
    for (String p : paths) {
      if (renamedFrom.contains(p)) {
        continue;
      }
      String old = renameOf.get(p);
      String moved = old == null ? movedTo.get(p) : null;
      if (old != null) {
        items.add(new Item(p, old, old, p));
      } else if (moved != null) {
        items.add(new Item(moved, moved, p, p, p));
      } else {
        items.add(new Item(p, p, base.has(p) ? p : null, theirs.has(p) ? p : null));
      }
    }
    return items;
  }

  /**
   * Template files the user moved: gone from their rendered path, and the old render's bytes (by
   * blob id) at exactly one tracked path that neither render has. Rendered path → where it is now.
   * Only files the template changed matter, and only paths git vouches for are looked at.
   */
  private static Map<String, String> movedByUser(RenderedTree base, RenderedTree theirs, Path project,
      Map<String, GitRepo.TrackedFile> unchanged, Set<String> renamed) throws IOException {
    Map<String, List<String>> byId = new HashMap<>();
    unchanged.forEach((path, tracked) -> {
      if (!base.has(path) && !theirs.has(path) && !path.equals(AnswersFile.NAME)) {
        byId.computeIfAbsent(tracked.id(), k -> new ArrayList<>(1)).add(path);
      }
    });
    Map<String, String> out = new HashMap<>();
    if (byId.isEmpty()) {
      return out;
    }
    for (String p : base.sources().keySet()) {
      if (!theirs.has(p) || renamed.contains(p) || unchanged.containsKey(p)
          || Files.exists(project.resolve(p), LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      Content b = base.content(p);
      Content t = theirs.content(p);
      if (b == null || t == null || BlobIds.same(b, t)) {
        continue;
      }
      String id = ProjectFile.hasBlobId(b) ? b.id() : BlobIds.of(b.bytes());
      List<String> at = byId.get(id);
      if (at != null && at.size() == 1) {
        out.put(p, at.get(0));
      }
    }
    // two template files with the same bytes moved to one place: neither is followed
    out.values().removeIf(v -> java.util.Collections.frequency(out.values(), v) > 1);
    return out;
  }

  Decision decideQuietly(Item item, RenderedTree base, RenderedTree theirs, Path project, Set<String> same,
      Map<String, GitRepo.TrackedFile> unchanged) {
    try {
      GitRepo.TrackedFile tracked = unchanged.get(item.oursPath());
      if (tracked != null) {
        // git's word settles only what needs no writing: the status may be stale (a file edited
        // while questions were answered) or blind (an edit that kept size and time), so whatever
        // would write or delete is decided again from the file itself
        Decision d = decide(item, base, theirs, project, same, tracked);
        if (d != null && d.writes().isEmpty() && d.deletes().isEmpty()) {
          return d;
        }
      }
      return decide(item, base, theirs, project, same, null);
    } catch (IOException e) {
      throw new OperationException("cannot read " + item.path() + ": " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new OperationException("cannot read " + item.path() + ": " + e.getCause().getMessage(), e);
    }
  }

  /**
   * @param tracked what git knows of the user's file when it is unchanged, else null; with it, a
   *     decision that would read the user's bytes to write them is not made (null), since it is
   *     made again from the file itself
   */
  private Decision decide(Item item, RenderedTree base, RenderedTree theirs, Path project, Set<String> same,
      GitRepo.TrackedFile tracked) throws IOException {
    String path = item.path();
    String from = item.renamed() ? item.oursPath() : item.movedFrom();
    Content b = item.basePath() == null ? null : base.content(item.basePath());
    Content t = item.theirsPath() == null ? null : theirs.content(item.theirsPath());
    ProjectFile ours = tracked != null ? ProjectFile.tracked(project, item.oursPath(), tracked)
        : ProjectFile.of(project.resolve(item.oursPath()));
    boolean oursExists = ours != null;
    boolean knownSame = !item.renamed() && item.basePath() != null && item.theirsPath() != null && same.contains(path);

    if (oursExists && !ours.regularFile) {
      if (knownSame || b != null && t != null && BlobIds.same(b, t)) {
        return Decision.of(new FileOutcome(path, Action.UNCHANGED, null, null));
      }
      return Decision.of(new FileOutcome(path, Action.CONFLICT, null,
          "is a folder or a link in your project, and the template has a file there; left alone"));
    }
    if (skipIfExists.matches(path) && (oursExists || item.basePath() != null)) {
      return Decision.of(new FileOutcome(path, Action.KEPT, null,
          oursExists ? "skip_if_exists: never touched by updates" : "skip_if_exists: deleted in your project"));
    }

    if (item.basePath() != null && item.theirsPath() != null) {
      boolean templateChanged = !knownSame && !BlobIds.same(b, t);
      if (!oursExists) {
        return Decision.of(templateChanged
            ? new FileOutcome(path, Action.KEPT, null, "deleted in your project; the template changed it, so it stays deleted")
            : new FileOutcome(path, Action.UNCHANGED, null, "deleted in your project"));
      }
      if (!templateChanged && !item.renamed()) {
        return Decision.of(new FileOutcome(path, Action.UNCHANGED, null, null));
      }
      List<String> moveAway = item.renamed() ? List.of(item.oursPath()) : List.of();
      if (BlobIds.same(ours, t)) {
        return item.renamed()
            ? new Decision(new FileOutcome(path, Action.UPDATED, from, null), List.of(copy(path, t, t.executable())), moveAway)
            : Decision.of(new FileOutcome(path, Action.UNCHANGED, null, null));
      }
      boolean oursExec = ours.executable();
      boolean mode = modeAfter(oursExec, b.executable(), t.executable());
      if (BlobIds.sameBytes(ours, b)) {
        return new Decision(new FileOutcome(path, Action.UPDATED, from, null), List.of(copy(path, t, mode)), moveAway);
      }
      if (BlobIds.sameBytes(b, t)) {
        if (tracked != null) {
          return null; // writes: decided from the file
        }
        // only the path or the mode changed in the template; the user's content moves as it is
        byte[] mine = ours.bytes();
        return new Decision(new FileOutcome(path, item.renamed() ? Action.UPDATED : Action.MERGED, from, null),
            List.of(new TreeMerger.Write(path, mine, null, mode)), moveAway);
      }
      if (tracked != null) {
        return null; // a merge writes (or, for a binary file, keeps yours): decided from the file
      }
      GitRepo.Unmerged sides = new GitRepo.Unmerged(path, b.bytes(), b.executable(), ours.bytes(), oursExec, t.bytes(),
          t.executable());
      return merge(path, from, sides, mode, moveAway, p -> free(p, base, theirs, project));
    }

    if (item.basePath() != null) {
      if (!oursExists) {
        return Decision.of(new FileOutcome(path, Action.UNCHANGED, null, "removed by the template and in your project"));
      }
      if (newlyExcluded.test(path)) {
        return Decision.of(new FileOutcome(path, Action.KEPT, null, "excluded by " + theirsLabel + ": left alone in your project"));
      }
      if (BlobIds.sameBytes(ours, b)) {
        return new Decision(new FileOutcome(path, Action.REMOVED, null, null), List.of(), List.of(path));
      }
      return Decision.of(new FileOutcome(path, Action.KEPT, null, "the template removed it, but you changed it, so it stays"));
    }

    if (!oursExists) {
      return new Decision(new FileOutcome(path, Action.ADDED, null, null), List.of(copy(path, t, t.executable())), List.of());
    }
    if (BlobIds.sameBytes(ours, t)) {
      return Decision.of(new FileOutcome(path, Action.UNCHANGED, null, null));
    }
    if (tracked != null) {
      return null; // a merge: decided from the file
    }
    // both added it: no common version, so no stage 1 (git's "both added")
    GitRepo.Unmerged sides = new GitRepo.Unmerged(path, null, false, ours.bytes(), ours.executable(), t.bytes(),
        t.executable());
    return merge(path, null, sides, null, List.of(), p -> free(p, base, theirs, project));
  }

  /** The template's file at {@code path}, as a copy of it would make it. */
  private static TreeMerger.Write copy(String path, Content t, boolean mode) throws IOException {
    return t.file() != null
        ? new TreeMerger.Write(path, null, t.file(), mode)
        : new TreeMerger.Write(path, t.bytes(), null, mode, t.executable());
  }

  /** A path that neither render has and the project holds nothing at: rejects written there overwrite nothing. */
  private static boolean free(String p, RenderedTree base, RenderedTree theirs, Path project) {
    return !base.has(p) && !theirs.has(p) && !Files.exists(project.resolve(p), LinkOption.NOFOLLOW_LINKS);
  }

  /** @param free whether a path is free for a {@code .rej} file ({@link #free}) */
  private Decision merge(String path, String from, GitRepo.Unmerged sides, Boolean mode, List<String> moveAway,
      java.util.function.Predicate<String> free) {
    byte[] base = sides.base() == null ? new byte[0] : sides.base();
    byte[] ours = sides.ours();
    byte[] theirs = sides.theirs();
    if (TreeMerger.isBinary(base) || TreeMerger.isBinary(ours) || TreeMerger.isBinary(theirs)) {
      String note = "binary file changed both in your project and in the template; yours kept"
          + (from != null ? " at " + from : "");
      String at = from != null ? from : path;
      return new Decision(new FileOutcome(at, Action.CONFLICT, null, note), List.of(), List.of(), sides.at(at));
    }
    List<TextMerge.Chunk> chunks = textMerge.merge(base, ours, theirs);
    int conflicts = 0;
    for (TextMerge.Chunk c : chunks) {
      conflicts += c.conflict() ? 1 : 0;
    }
    if (conflicts == 0) {
      return new Decision(new FileOutcome(path, Action.MERGED, from, null), List.of(new TreeMerger.Write(path, ConflictText.concat(chunks), null, mode)), moveAway);
    }
    String note = conflicts + (conflicts == 1 ? " conflict" : " conflicts");
    List<TreeMerger.Write> writes = new ArrayList<>();
    if (style == ConflictStyle.INLINE) {
      writes.add(new TreeMerger.Write(path, ConflictText.withMarkers(chunks, theirsLabel), null, mode));
      note += " marked in the file";
    } else {
      writes.add(new TreeMerger.Write(path, ConflictText.concat(chunks), null, mode));
      String rej = path + ".rej"; // or, where that is taken (earlier rejects, a file of the name), FILE.N.rej
      for (int n = 1; !free.test(rej); n++) {
        rej = path + "." + n + ".rej";
      }
      writes.add(new TreeMerger.Write(rej, ConflictText.rejects(path, chunks, baseLabel, theirsLabel), null, null));
      note += " in " + rej;
    }
    return new Decision(new FileOutcome(path, Action.CONFLICT, from, note), writes, moveAway, sides);
  }

  /** The user's mode change wins; otherwise the template's. */
  private static boolean modeAfter(boolean ours, boolean base, boolean theirs) {
    return ours == base ? theirs : ours;
  }
}
