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
}
