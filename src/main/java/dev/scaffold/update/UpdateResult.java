package dev.scaffold.update;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@code scaffold update} did, or in a dry run would do.
 *
 * @param fromVersion the version recorded before the update
 * @param toVersion the version the project records now (or would)
 * @param toCommit the template commit of {@code toVersion}, when known
 * @param files every path either render has, with its outcome, in path order
 * @param newQuestions questions the target asks that the recorded version did not
 * @param answers the answers recorded after the update (no secrets)
 * @param branch the branch committed to with {@code --commit}, else null
 * @param commit that commit's id, else null
 * @param pullRequest the pull request's address with {@code --pr}, else null
 * @param upToDate true when there was nothing to do: same version and no changed answers
 * @param commands the migrations and tasks the update ran (in a dry run: would run), in order
 * @param message the target version's {@code message_after_update} rendered with the answers, or null
 * @param rejects the {@code .rej} files of {@code --conflict rej} the update wrote, relative to the project
 */
public record UpdateResult(
    Path project,
    String template,
    String fromVersion,
    String toVersion,
    String toCommit,
    List<FileOutcome> files,
    List<String> newQuestions,
    Map<String, Object> answers,
    String branch,
    String commit,
    String pullRequest,
    boolean dryRun,
    boolean upToDate,
    List<String> commands,
    String message,
    List<String> rejects) {

  public UpdateResult {
    files = List.copyOf(files);
    newQuestions = List.copyOf(newQuestions);
    commands = List.copyOf(commands);
    rejects = List.copyOf(rejects);
  }

  /** A result that wrote no {@code .rej} file. */
  public UpdateResult(Path project, String template, String fromVersion, String toVersion, String toCommit,
      List<FileOutcome> files, List<String> newQuestions, Map<String, Object> answers, String branch, String commit,
      String pullRequest, boolean dryRun, boolean upToDate, List<String> commands, String message) {
    this(project, template, fromVersion, toVersion, toCommit, files, newQuestions, answers, branch, commit,
        pullRequest, dryRun, upToDate, commands, message, List.of());
  }

  /** A result that ran no commands. */
  public UpdateResult(Path project, String template, String fromVersion, String toVersion, String toCommit,
      List<FileOutcome> files, List<String> newQuestions, Map<String, Object> answers, String branch, String commit,
      String pullRequest, boolean dryRun, boolean upToDate) {
    this(project, template, fromVersion, toVersion, toCommit, files, newQuestions, answers, branch, commit,
        pullRequest, dryRun, upToDate, List.of(), null);
  }

  public List<FileOutcome> conflicts() {
    return files.stream().filter(f -> f.action() == FileOutcome.Action.CONFLICT).toList();
  }

  /** Whether {@code --commit} stopped short of committing, with the conflicts left for {@code --continue}. */
  public boolean stoppedForConflicts() {
    return !dryRun && branch != null && commit == null && pullRequest == null && !conflicts().isEmpty();
  }

  public long count(FileOutcome.Action action) {
    return files.stream().filter(f -> f.action() == action).count();
  }
}
