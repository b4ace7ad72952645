package dev.scaffold.publish;

/** One local git repository, with the few operations scaffold needs. */
public interface GitRepo extends AutoCloseable {

  /**
   * Stages every change (new, modified, deleted) and commits it with the configured identity
   * ({@code user.name}/{@code user.email}, else scaffold's own).
   *
   * @return the new commit's id
   */
  String commitAll(String message);

  /** Whether the work tree and index match HEAD (untracked files count as changes). */
  boolean isClean();

  /** The current branch's short name. */
  String branch();

  /**
   * The paths (relative, {@code /}-separated) that differ from HEAD: modified, staged, deleted,
   * conflicting or untracked (ignored files excluded), sorted.
   */
  default java.util.List<String> changedPaths() {
    throw new UnsupportedOperationException("changedPaths");
  }

  /**
   * What {@link #changedPaths} finds, and what it proves about every other tracked file: that its
   * bytes are those of its blob in the index, so that their id stands for them.
   *
   * @param changed as {@link #changedPaths}
   * @param unchanged for tracked regular files that are unchanged and whose bytes are exactly their
   *     blob's (no line-ending conversion or filter could apply): path → git's object id and mode;
   *     empty when that cannot be told
   */
  record WorkTree(java.util.List<String> changed, java.util.Map<String, TrackedFile> unchanged) {}

  /** A tracked file as the index records it. */
  record TrackedFile(String id, boolean executable) {}

  /** {@link #changedPaths}, with the ids of unchanged files where they can be trusted. */
  default WorkTree workTree() {
    return new WorkTree(changedPaths(), java.util.Map.of());
  }

  /** The files git sees in the work tree: tracked ones plus untracked ones that are not ignored. */
  default java.util.Set<String> workTreeFiles() {
    throw new UnsupportedOperationException("workTreeFiles");
  }

  /** Whether a local branch of that short name exists. */
  default boolean hasBranch(String name) {
    throw new UnsupportedOperationException("hasBranch");
  }

  /**
   * Creates branch {@code name} at HEAD and switches to it, keeping the work tree as it is (like
   * {@code git switch -c}).
   */
  default void switchToNewBranch(String name) {
    throw new UnsupportedOperationException("switchToNewBranch");
  }

  /**
   * Undoes {@link #switchToNewBranch} and what was committed since: checks {@code back} out again
   * (a branch, or the commit a detached HEAD was at) and deletes {@code branch} with its commits.
   */
  default void abandonBranch(String branch, String back) {
    throw new UnsupportedOperationException("abandonBranch");
  }

  /** The work tree's root folder; null where there is none. */
  default java.nio.file.Path root() {
    return null;
  }

  /**
   * Puts every file of the repository's scope (see {@link GitClient#openWithin}) back as HEAD has
   * it, index included, deleting files HEAD does not hold: undoes a run's writes into a scope that
   * was clean before it.
   */
  default void restoreScope() {
    throw new UnsupportedOperationException("restoreScope");
  }

  /**
   * A file left with conflicts, as a merge records it in the index: stage 1 the common version
   * (none when both sides added the file), stage 2 the user's, stage 3 the incoming one.
   */
  record Unmerged(String path, byte[] base, boolean baseExecutable, byte[] ours, boolean oursExecutable, byte[] theirs,
      boolean theirsExecutable) {

    /** The same sides at another path. */
    public Unmerged at(String other) {
      return new Unmerged(other, base, baseExecutable, ours, oursExecutable, theirs, theirsExecutable);
    }
  }

  /**
   * Records files as unmerged in the index (their stage-0 entries replaced by stages 1 to 3), so
   * that {@code git status} shows them as conflicts and {@code git add} marks them resolved.
   */
  default void recordUnmerged(java.util.List<Unmerged> files) {
    throw new UnsupportedOperationException("recordUnmerged");
  }

  /**
   * Where git does not track the executable bit ({@code core.fileMode=false}), records the given
   * modes in the index as {@code git update-index --chmod} would (a path not yet in the index is
   * added with its file's bytes), so that a mode a template sets still reaches the next commit.
   * Does nothing where git reads the bit from the files itself.
   */
  default void recordModes(java.util.Map<String, Boolean> executable) {
    throw new UnsupportedOperationException("recordModes");
  }

  /** The paths the index holds as unmerged (any stage but 0), sorted. */
  default java.util.List<String> unmergedPaths() {
    throw new UnsupportedOperationException("unmergedPaths");
  }

  /** The repository's own folder ({@code .git}), where state of an unfinished operation is kept. */
  default java.nio.file.Path gitDir() {
    throw new UnsupportedOperationException("gitDir");
  }

  /** HEAD's commit id, or null before the first commit. */
  default String head() {
    throw new UnsupportedOperationException("head");
  }

  /** The full message of HEAD's commit, or null before the first commit. */
  default String headMessage() {
    throw new UnsupportedOperationException("headMessage");
  }

  @Override
  void close();
}
