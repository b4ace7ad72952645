package dev.scaffold;

/**
 * One thing wrong with the user's input or environment: where it is (a file, file:line:column, a
 * question or a step) and what is wrong there.
 */
public record Problem(String where, String what) {

  public static Problem at(String where, String what) {
    return new Problem(where, what);
  }

  @Override
  public String toString() {
    return where == null || where.isEmpty() ? what : where + ": " + what;
  }
}
