package dev.scaffold.project;

import java.time.Instant;
import java.util.Optional;

/**
 * The process a staging folder or journal belongs to: its pid and start time, so that a pid the
 * system gave to a new process since is not mistaken for the owner still running.
 *
 * @param start the owner's start, in milliseconds since the epoch; 0 when unknown
 */
record RunOwner(long pid, long start) {

  static RunOwner current() {
    ProcessHandle self = ProcessHandle.current();
    return new RunOwner(self.pid(), startOf(self.info().startInstant()));
  }

  /** As {@link #toString()} writes it; null when the text is not one. */
  static RunOwner parse(String text) {
    String[] parts = text.strip().split(" ");
    try {
      return new RunOwner(Long.parseLong(parts[0]), parts.length > 1 ? Long.parseLong(parts[1]) : 0);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Whether the owner still runs: its pid is alive and, where both are known, started when it did. */
  boolean alive() {
    Optional<ProcessHandle> h = ProcessHandle.of(pid);
    if (h.isEmpty() || !h.get().isAlive()) {
      return false;
    }
    long now = startOf(h.get().info().startInstant());
    return start == 0 || now == 0 || now == start;
  }

  private static long startOf(Optional<Instant> i) {
    return i.map(Instant::toEpochMilli).orElse(0L);
  }

  @Override
  public String toString() {
    return pid + " " + start;
  }
}
