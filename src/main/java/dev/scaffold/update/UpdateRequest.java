package dev.scaffold.update;

import dev.scaffold.answers.AnswerInputs;
import dev.scaffold.answers.Prompter;
import java.nio.file.Path;

/**
 * What {@code scaffold update} was asked to do.
 *
 * @param version the target tag, or null for the newest release
 * @param answers {@code --set} and {@code --answers}; recorded answers are read from the project
 * @param prompter asks questions that are new in the target; null never asks
 * @param useDefaults take defaults for new questions instead of asking
 * @param allowDirty update a working tree that has uncommitted changes (or no git at all)
 * @param commit commit the result on a new branch {@code scaffold/update-<version>}
 * @param pullRequest also push that branch and open a pull request (implies commit)
 * @param trust allow migrations and tasks of a template fetched from elsewhere
 * @param ask questions to ask again, with the recorded answers as defaults
 * @param reask ask every question again, with the recorded answers as defaults
 * @param commitConflicts with {@code commit}: commit conflict markers too, for a pull request to
 *     show them (the fleet form); otherwise the update stops before committing them
 * @param template {@code --template}: the template source to read in place of the recorded one,
 *     for this run only (not recorded); null reads the recorded {@code _template}
 */
public record UpdateRequest(
    Path project,
    String version,
    boolean prerelease,
    AnswerInputs answers,
    Prompter prompter,
    boolean useDefaults,
    ConflictStyle conflictStyle,
    boolean dryRun,
    boolean allowDirty,
    boolean allowDowngrade,
    boolean commit,
    boolean pullRequest,
    boolean trust,
    java.util.List<String> ask,
    boolean reask,
    boolean commitConflicts,
    String template) {

  public UpdateRequest {
    ask = java.util.List.copyOf(ask);
  }

  /** A request that reads the recorded template. */
  public UpdateRequest(Path project, String version, boolean prerelease, AnswerInputs answers, Prompter prompter,
      boolean useDefaults, ConflictStyle conflictStyle, boolean dryRun, boolean allowDirty, boolean allowDowngrade,
      boolean commit, boolean pullRequest, boolean trust, java.util.List<String> ask, boolean reask,
      boolean commitConflicts) {
    this(project, version, prerelease, answers, prompter, useDefaults, conflictStyle, dryRun, allowDirty,
        allowDowngrade, commit, pullRequest, trust, ask, reask, commitConflicts, null);
  }

  /** A request that trusts nothing and asks nothing again. */
  public UpdateRequest(Path project, String version, boolean prerelease, AnswerInputs answers, Prompter prompter,
      boolean useDefaults, ConflictStyle conflictStyle, boolean dryRun, boolean allowDirty, boolean allowDowngrade,
      boolean commit, boolean pullRequest) {
    this(project, version, prerelease, answers, prompter, useDefaults, conflictStyle, dryRun, allowDirty,
        allowDowngrade, commit, pullRequest, false, java.util.List.of(), false, pullRequest);
  }

  /** Whether the run brings answers of its own ({@code --set}, {@code --answers}). */
  public boolean changesAnswers() {
    return !answers.set().isEmpty() || !answers.file().isEmpty() || !ask.isEmpty() || reask;
  }
}
