package dev.scaffold.cli;

/** The exit codes of SPEC §8. */
public final class ExitCodes {

  public static final int OK = 0;
  public static final int FAILURE = 1;
  public static final int BAD_INPUT = 2;
  /** {@code check} found an update, or {@code update} left conflicts. */
  public static final int ATTENTION = 3;
  public static final int ABORTED = 130;

  private ExitCodes() {}
}
