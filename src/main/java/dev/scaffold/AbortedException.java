package dev.scaffold;

/** The user aborted (Ctrl-C, Ctrl-D, or declined the confirmation); nothing was written. */
public final class AbortedException extends RuntimeException {

  public AbortedException(String message) {
    super(message);
  }
}
