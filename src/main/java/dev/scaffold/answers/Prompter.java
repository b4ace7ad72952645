package dev.scaffold.answers;

import dev.scaffold.template.Question;

/**
 * Asks the user questions. The terminal implementation lives in {@code dev.scaffold.prompt}; the
 * core only sees this interface.
 */
public interface Prompter {

  /**
   * Asks until the answer passes {@link PromptRequest#check()}, and returns the typed value.
   *
   * @throws dev.scaffold.AbortedException on Ctrl-C or Ctrl-D
   */
  Object ask(PromptRequest request);

  /** Shows a question that an answers file or {@code --set} already answered. */
  default void answered(Question question, Object value, AnswerSource source) {}

  /**
   * Shows what is about to happen and asks to go on (default yes).
   *
   * @param lines the answers (no secrets) and the planned files, git and GitHub steps
   * @return false to stop with nothing written
   */
  default boolean confirm(String title, java.util.List<String> lines) {
    return true;
  }

  /**
   * Asks for the folder to create when none was given, until {@code check} accepts it.
   *
   * @param defaultValue the folder the template suggests (its {@code destination}), or null
   * @param check accepts a folder name (String) and returns the resolved folder or why it is refused
   * @return the accepted value of {@code check}, or null to keep the non-interactive behaviour
   */
  default Object askDestination(String defaultValue, AnswerCheck check) {
    return null;
  }
}
