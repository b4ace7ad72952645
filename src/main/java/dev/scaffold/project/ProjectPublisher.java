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
   * Publishes the committed project in {@code projectDir}.
   *
   * @return links to show, such as {@code repository} and {@code pull_request}
   */
  Map<String, String> publish(PublishContext context, Path projectDir);
}
