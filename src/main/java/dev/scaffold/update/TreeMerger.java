package dev.scaffold.update;

import dev.scaffold.Progress;
import dev.scaffold.publish.GitRepo;
import dev.scaffold.render.Glob;
import dev.scaffold.update.FileOutcome.Action;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Applies the change between two renders of a template (base → theirs) to a project (ours), file
 * by file, as a three-way merge. Rules, for each path either render has:
 *
 * <ul>
 *   <li>the template did not change it: left as the project has it;
 *   <li>the project still has the base version: takes the new one (or disappears, if removed);
 *   <li>both changed it: the user's change stays and the template's is merged in; lines both
 *       changed become a conflict (inline markers or a {@code .rej} file); binary files are kept;
 *   <li>the user deleted it: stays deleted; the template removed a file the user changed: kept;
 *   <li>a template file whose rendered path changed (an answer in the path changed) is followed:
 *       the user's file moves to the new path with the merge applied;
 *   <li>{@code skip_if_exists} paths that exist are never touched.
 * </ul>
 *
 * Files that neither render has are the user's own and are never read. The work is split:
 * {@link FileDecider} decides each path (comparing contents by blob id where it can,
 * {@link BlobIds}, {@link ProjectFile}; conflicts written by {@link ConflictText}), and
 * {@link PlanWriter} writes the plan.
 */
public final class TreeMerger {

  /** Git's own test: a NUL byte in the first 8000 bytes makes a file binary. */
  private static final int BINARY_PROBE = 8000;

  private final FileDecider decider;
  private final Progress progress;

  /**
   * @param baseLabel how conflicts name the old version, such as {@code template 1.0.0}
   * @param theirsLabel how conflicts name the new version
   */
  public TreeMerger(TextMerge textMerge, ConflictStyle style, List<String> skipIfExists, String baseLabel, String theirsLabel) {
    this(textMerge, style, skipIfExists, baseLabel, theirsLabel, p -> false, Progress.NONE);
  }

  /**
   * @param newlyExcluded whether the new version's {@code exclude} covers a path the old version
   *     rendered: such a path is the project's own now, and is left alone rather than removed
   * @param progress counts the paths decided ("merge") and the files written ("write")
   */
  public TreeMerger(TextMerge textMerge, ConflictStyle style, List<String> skipIfExists, String baseLabel,
      String theirsLabel, java.util.function.Predicate<String> newlyExcluded, Progress progress) {
    this.decider = new FileDecider(textMerge, style, new Glob(skipIfExists, "skip_if_exists"), baseLabel, theirsLabel,
        newlyExcluded);
    this.progress = progress;
  }

  /**
   * What a merge would do, with the bytes to write; nothing written yet.
   *
   * @param unmerged the three sides of each file left with conflicts, for the index
   */
  public record Plan(List<FileOutcome> outcomes, List<Write> writes, List<String> deletes,
      List<GitRepo.Unmerged> unmerged) {

    public Plan(List<FileOutcome> outcomes, List<Write> writes, List<String> deletes) {
      this(outcomes, writes, deletes, List.of());
    }

    public List<FileOutcome> conflicts() {
      return outcomes.stream().filter(o -> o.action() == Action.CONFLICT).toList();
    }
  }

  /**
   * One file to write.
   *
   * @param content the bytes, or null to copy {@code copyFrom}
   * @param executable whether the file should be executable, or null to leave its mode alone
   * @param madeAs for the template's bytes written in place of a copy of the template's file:
   *     whether that file is executable, so that the file is made anew with the mode a copy would
   *     have; null when {@code content} replaces the bytes of the project's file only
   */
  public record Write(String path, byte[] content, Path copyFrom, Boolean executable, Boolean madeAs) {

    public Write(String path, byte[] content, Path copyFrom, Boolean executable) {
      this(path, content, copyFrom, executable, null);
    }
  }


  /** Decides every path; reads files in parallel, writes nothing. */
  public Plan plan(RenderedTree base, RenderedTree theirs, Path project) {
    return plan(base, theirs, project, Set.of());
  }

  /**
   * @param same paths known to render the same in base and theirs, which need not be read (and
   *     whose files the trees may lack)
   */
  public Plan plan(RenderedTree base, RenderedTree theirs, Path project, Set<String> same) {
    return plan(base, theirs, project, same, Map.of());
  }

  /**
   * @param unchanged the project's files that git found to hold exactly their blob's bytes, by
   *     path, with that blob's id ({@link GitRepo#workTree}): where the id shows there is nothing
   *     to do, the file is not even looked at; anything that would write is decided from the file
   */
  public Plan plan(RenderedTree base, RenderedTree theirs, Path project, Set<String> same,
      Map<String, GitRepo.TrackedFile> unchanged) {
    List<FileDecider.Item> items;
    try {
      items = decider.items(base, theirs, project, unchanged);
    } catch (java.io.IOException e) {
      throw new dev.scaffold.OperationException("cannot read the template's files: " + e.getMessage(), e);
    }
    AtomicLong decided = new AtomicLong();
    long total = items.size();
    List<FileDecider.Decision> decisions =
        (items.size() < 64 ? items.stream() : items.parallelStream())
            .map(i -> {
              FileDecider.Decision d = decider.decideQuietly(i, base, theirs, project, same, unchanged);
              progress.count("merge", decided.incrementAndGet(), total);
              return d;
            })
            .toList();
    List<FileOutcome> outcomes = new ArrayList<>();
    List<Write> writes = new ArrayList<>();
    List<String> deletes = new ArrayList<>();
    List<GitRepo.Unmerged> unmerged = new ArrayList<>();
    for (FileDecider.Decision d : decisions) {
      if (d.unmerged() != null) {
        unmerged.add(d.unmerged());
      }
      outcomes.add(d.outcome());
      writes.addAll(d.writes());
      deletes.addAll(d.deletes());
    }
    return new Plan(outcomes, writes, deletes, unmerged);
  }

  /**
   * Writes a plan into the project: files first, then deletions, then folders left empty by them.
   * No write or deletion goes through a symbolic link: every folder between the project and a
   * file is checked to be a real one ({@link dev.scaffold.ConfinedPaths}), and a link at a file's
   * own name is refused, all before the first byte is written.
   */
  public void apply(Plan plan, Path project) {
    PlanWriter.apply(plan, project, progress);
  }

  static boolean isBinary(byte[] bytes) {
    int n = Math.min(bytes.length, BINARY_PROBE);
    for (int i = 0; i < n; i++) {
      if (bytes[i] == 0) {
        return true;
      }
    }
    return false;
  }
}
