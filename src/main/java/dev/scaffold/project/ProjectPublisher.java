package dev.scaffold.project;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A step after the local commit, such as provisioning the repository on GitHub. Implemented in
 * {@code dev.scaffold.publish}; the generator only knows this interface.
 */
public interface ProjectPublisher {

  /**
   * Called before anything is written: evaluates the template's settings against the answers and
   * checks preconditions (a token, say), so a run that cannot publish fails with nothing written.
   *
   * @return the steps it will take, for the plan and dry runs; empty when it has nothing to do
   */
  List<String> prepare(PublishContext context);

  /**
   * What publishing left: links to show, and the branch and commit that hold the project now
   * (publishing may reshape the local history, so the commit made before may no longer be on a branch).
   *
   * @param links such as {@code repository} and {@code pull_request}
   * @param branch the local branch checked out, or null when publishing did not change it
   * @param commit the commit holding the project on {@code branch}, or null when unchanged
   */
  record Published(Map<String, String> links, String branch, String commit) {}

  /** Publishes the committed project in {@code projectDir}. */
  Published publish(PublishContext context, Path projectDir);
}
