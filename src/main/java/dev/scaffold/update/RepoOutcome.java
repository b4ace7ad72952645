package dev.scaffold.update;

import java.time.Duration;
import java.util.List;

/**
 * What a fleet update did in one repository.
 *
 * @param from the version the repository recorded, when it was read
 * @param to the target version, when it was known
 * @param pullRequest the scaffold pull request's address, when there is one
 * @param conflicts paths left with conflicts in the pull request
 * @param message the error of a failure, or a note on other outcomes; else null
 */
public record RepoOutcome(
    String repo, Status status, String from, String to, String branch, String pullRequest, List<String> conflicts,
    String message, Duration took) {

  /** The kinds of outcome, as the summary and {@code --json} name them. */
  public enum Status {
    /** a pull request was opened */
    OPENED,
    /** the open scaffold pull request got the new update */
    UPDATED,
    /** the open scaffold pull request already holds exactly this update */
    UNCHANGED,
    /** the pull request (opened or updated) has conflicts for a person to resolve */
    CONFLICTS,
    /** the repository records the target version already */
    UP_TO_DATE,
    /** the repository has no {@code .scaffold-answers.yml}: not touched */
    NO_ANSWERS,
    /** someone pushed to the scaffold branch: left as it is */
    KEPT,
    /** the pull request for this version was closed: not proposed again */
    DECLINED,
    /** a dry run: what would be pushed, nothing was */
    PLANNED,
    /** something went wrong; {@code message} says what */
    FAILED;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  public RepoOutcome {
    conflicts = List.copyOf(conflicts);
  }

  /** The summary's four counts: done, skipped, conflicted, failed. */
  public enum Group { DONE, SKIPPED, CONFLICTED, FAILED }

  public Group group() {
    switch (status) {
      case CONFLICTS:
        return Group.CONFLICTED;
      case FAILED:
        return Group.FAILED;
      case UP_TO_DATE:
      case NO_ANSWERS:
      case KEPT:
      case DECLINED:
        return Group.SKIPPED;
      default:
        return Group.DONE;
    }
  }
}
