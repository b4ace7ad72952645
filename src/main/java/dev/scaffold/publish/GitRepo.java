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

  @Override
  void close();
}
