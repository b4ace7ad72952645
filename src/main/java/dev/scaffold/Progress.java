package dev.scaffold;

/**
 * How the core reports long work. The core never prints; the CLI shows these events as text, a
 * live display, or not at all under {@code --json}.
 */
public interface Progress {

  Progress NONE = new Progress() {};

  /** A step of the run has started, such as "render 30 files" or "push main". */
  default void step(String message) {}

  /** Detail that only {@code --verbose} shows. */
  default void detail(String message) {}

  /** A line a task or tool printed, shown as it comes. */
  default void output(String line) {}

  /** Something the user should know that does not stop the run. */
  default void warn(String message) {}

  /**
   * Counted work under way, such as "render" 120 of 500 files or "receive objects" 3 of 40: may be
   * called often and from several threads; a display shows the latest count and drops the rest.
   *
   * @param total how many there are, or 0 when unknown
   */
  default void count(String task, long done, long total) {}
}
