package dev.scaffold.update;

/**
 * What an update did (or in a dry run would do) to one path of the project.
 *
 * @param path the path in the project after the update, relative and {@code /}-separated
 * @param from the path it was at before, when the template renamed it; else null
 * @param note why, for outcomes that need a word (kept, conflict); else null
 */
public record FileOutcome(String path, Action action, String from, String note) {

  /** The kinds of outcome, as {@code --dry-run} and {@code --json} name them. */
  public enum Action {
    /** nothing to do: the template did not change it, or the project already matches */
    UNCHANGED,
    /** the user never touched it: it takes the new version */
    UPDATED,
    /** both changed it in different places: merged cleanly */
    MERGED,
    /** both changed the same lines (or a binary file): the user's version is kept, marked or reported */
    CONFLICT,
    /** new in the template version */
    ADDED,
    /** removed by the template, and unchanged by the user */
    REMOVED,
    /** the template's change was not applied because the user's own (edit, deletion, skip_if_exists) wins */
    KEPT;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public boolean changesProject() {
    return action != Action.UNCHANGED && action != Action.KEPT;
  }
}
