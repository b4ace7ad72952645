package dev.scaffold;

import java.util.List;

/**
 * Root of scaffold's own failures. It carries every problem found, so one run can report them all;
 * exceptions never print, the CLI decides how to show them.
 */
public abstract sealed class ScaffoldException extends RuntimeException
    permits InputException, OperationException {

  private final List<Problem> problems;

  protected ScaffoldException(String summary, List<Problem> problems, Throwable cause) {
    super(summary, cause);
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
