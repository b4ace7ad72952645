package dev.scaffold.update;

import java.util.function.IntConsumer;

/** Test seam: what {@link TreeMerger} does after each file an update writes. */
public final class WriteFaults {

  private WriteFaults() {}

  public static void afterWrite(IntConsumer action) {
    PlanWriter.afterWrite = action;
  }

  public static void reset() {
    PlanWriter.afterWrite = n -> {};
  }
}
