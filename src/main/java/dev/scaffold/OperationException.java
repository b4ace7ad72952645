package dev.scaffold;

import java.util.List;

/** A runtime failure: I/O, git, network, GitHub (exit code 1). */
public final class OperationException extends ScaffoldException {

  public OperationException(String summary, Throwable cause) {
    super(summary, List.of(), cause);
  }

  public OperationException(String summary, List<Problem> problems, Throwable cause) {
    super(summary, problems, cause);
  }

  public OperationException(String summary) {
    this(summary, null);
  }
}
