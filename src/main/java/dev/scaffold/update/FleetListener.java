package dev.scaffold.update;

/**
 * Hears a fleet update as it runs, from many threads at once: the CLI turns these events into a
 * live display or plain lines. Implementations must be thread-safe and quick.
 */
public interface FleetListener {

  FleetListener NONE = new FleetListener() {};

  /** The run has {@code total} repositories to work on. */
  default void planned(int total) {}

  /** Work on {@code repo} has started. */
  default void started(String repo) {}

  /** {@code repo} is at a new step ("clone", "render v1 and v2", "push"). */
  default void step(String repo, String message) {}

  /** Counted work in {@code repo}, as {@link dev.scaffold.Progress#count}: files merged, objects pushed. */
  default void count(String repo, String task, long done, long total) {}

  /** Something in {@code repo} the user should know that does not stop it. */
  default void warn(String repo, String message) {}

  /** {@code repo} is done, whatever its outcome. */
  default void finished(RepoOutcome outcome) {}
}
