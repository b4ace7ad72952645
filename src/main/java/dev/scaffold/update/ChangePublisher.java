package dev.scaffold.update;

import java.nio.file.Path;

/**
 * Pushes an update branch and opens (or updates) its pull request. The GitHub adapter implements
 * it; the core only builds the {@link Change}.
 */
public interface ChangePublisher {

  /**
   * An update committed on its own branch.
   *
   * @param baseBranch the branch the pull request targets (the one the update started from)
   * @param body the pull request's text: the version change and any conflicts
   */
  record Change(Path project, String branch, String baseBranch, String title, String body) {}

  /**
   * Pushes {@code change.branch()} and opens a pull request for it, or updates the one already
   * open for that branch.
   *
   * @return the pull request's address
   */
  String publish(Change change);
}
