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
 * @param template {@code --template}: the template source every repository is updated from, in
 *     place of the one it records (not recorded); null reads each one's {@code _template}
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
    boolean dryRun,
    String template) {

  public FleetRequest {
    repos = List.copyOf(repos);
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs must be at least 1: " + jobs);
    }
  }

  /** A request that reads each repository's recorded template. */
  public FleetRequest(List<String> repos, String version, boolean prerelease, AnswerInputs answers,
      boolean useDefaults, ConflictStyle conflictStyle, boolean allowDowngrade, int jobs, boolean dryRun) {
    this(repos, version, prerelease, answers, useDefaults, conflictStyle, allowDowngrade, jobs, dryRun, null);
  }

  /** Parallel workers when {@code --jobs} is not given: the work waits mostly on the network. */
  public static int defaultJobs() {
    return Math.max(8, Math.min(16, Runtime.getRuntime().availableProcessors() * 2));
  }
}
