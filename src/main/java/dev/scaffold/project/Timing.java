package dev.scaffold.project;

/**
 * Wall-clock phase times for performance work: with {@code -Dscaffold.timing=true} (or {@code
 * SCAFFOLD_TIMING=1} through {@code scripts/scaffold}) each phase of {@code scaffold new} prints one
 * line on stderr, in milliseconds since the JVM started, with the heap in use (which, until the
 * first collection, is all that was allocated). Off, it costs one field read per phase.
 */
public final class Timing {

  private static final boolean ON = Boolean.getBoolean("scaffold.timing");
  private static final long START_MS = ON ? java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime() : 0;
  private static long last = START_MS;

  private Timing() {}

  /** Records that a phase ended. */
  public static synchronized void mark(String phase) {
    if (ON) {
      long now = System.currentTimeMillis();
      Runtime rt = Runtime.getRuntime();
      System.err.printf("timing %6d ms  +%5d ms  heap %4d MB  %s%n", now - START_MS, now - last,
          (rt.totalMemory() - rt.freeMemory()) >> 20, phase);
      last = now;
    }
  }
}
