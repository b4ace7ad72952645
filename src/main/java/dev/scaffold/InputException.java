package dev.scaffold;

import java.util.List;

/** Bad usage or bad input: arguments, answers, a template or an answers file (exit code 2). */
public final class InputException extends ScaffoldException {

  public InputException(String summary, List<Problem> problems) {
    super(summary, problems, null);
  }

  public InputException(String summary, List<Problem> problems, Throwable cause) {
    super(summary, problems, cause);
  }

  public InputException(String summary) {
    this(summary, List.of());
  }

  public static InputException at(String where, String what) {
    return new InputException(where + ": " + what, List.of(Problem.at(where, what)));
  }
}
