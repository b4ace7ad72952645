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

  @Override
  void close();
}
