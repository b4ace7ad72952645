package dev.scaffold.update;

import dev.scaffold.answers.AnswerInputs;
import java.util.List;

/**
 * What a fleet update was asked to do: the same update, non-interactively, in every repository.
 *
 * @param repos {@code OWNER/NAME}s in the order results are reported
 * @param version the target tag, or null for the newest release
 * @param answers {@code --set} and {@code --answers}, applied in every repository
 * @param useDefaults take defaults for questions new in the target
 * @param jobs how many repositories are worked on at once
 * @param dryRun clone and plan, but push nothing and open no pull request
 */
public record FleetRequest(
    List<String> repos,
    String version,
    boolean prerelease,
    AnswerInputs answers,
    boolean useDefaults,
    ConflictStyle conflictStyle,
    boolean allowDowngrade,
    int jobs,
    boolean dryRun) {

  public FleetRequest {
    repos = List.copyOf(repos);
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs must be at least 1: " + jobs);
    }
  }

  /** Parallel workers when {@code --jobs} is not given: the work waits mostly on the network. */
  public static int defaultJobs() {
    return Math.max(8, Math.min(16, Runtime.getRuntime().availableProcessors() * 2));
  }
}
