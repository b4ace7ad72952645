package dev.scaffold.update;

import java.nio.file.Path;

/**
 * Git on the wire for fleet updates: shallow clones into a local folder and pushes of one branch,
 * authenticated by the implementation (the token never reaches a URL or {@code .git/config}).
 * Implemented with JGit.
 */
public interface RepoWorkspace {

  /** Clones {@code branch} of {@code url} into the empty folder {@code dir}, as shallow as the remote allows. */
  void cloneShallow(String url, String branch, Path dir);

  /** The commit id of HEAD in {@code dir}. */
  String head(Path dir);

  /** The first line of HEAD's commit message in {@code dir}. */
  String headSubject(Path dir);

  /** The tree id of HEAD in {@code dir}: equal trees mean equal content. */
  String headTree(Path dir);

  /** The URL of the remote {@code origin} of the repository in {@code dir}, or null. */
  String originUrl(Path dir);

  /**
   * Pushes local {@code branch} to the same branch of {@code url}, replacing whatever is there,
   * counting the objects sent on {@code progress}.
   */
  void forcePush(Path dir, String url, String branch, dev.scaffold.Progress progress);
}
