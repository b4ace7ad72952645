package dev.scaffold.project;

import java.util.function.IntConsumer;

/** Test seam: what {@link Staging} does after each move into a destination (fail, or stop as a kill would). */
public final class StagingFaults {

  private StagingFaults() {}

  /** Runs {@code action} with the count of moves made after each one, until {@link #reset}. */
  public static void afterMove(IntConsumer action) {
    Staging.afterMove = action;
  }

  public static void reset() {
    Staging.afterMove = n -> {};
  }
}
