package dev.scaffold.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The faults waiting to fire, in the order they were added; thread-safe. */
public final class Faults {

  private static final class Armed {
    final Fault fault;
    int seen;
    int fired;

    Armed(Fault fault) {
      this.fault = fault;
    }
  }

  private final List<Armed> armed = new ArrayList<>();
  private int firedTotal;

  /** Arms a fault; it fires on its {@code nth} matching request and on the {@code times - 1} after it. */
  public synchronized Faults add(Fault fault) {
    armed.add(new Armed(fault));
    return this;
  }

  /** Disarms every fault. */
  public synchronized void clear() {
    armed.clear();
  }

  /** Faults that have not yet fired all their times. */
  public synchronized List<Fault> pending() {
    return armed.stream().map(a -> a.fault).toList();
  }

  /** How many requests were answered by a fault so far. */
  public synchronized int firedCount() {
    return firedTotal;
  }

  /** Counts the request against every matching fault and returns the first one that fires for it. */
  synchronized Optional<Fault> next(String method, String path) {
    Fault chosen = null;
    List<Armed> spent = new ArrayList<>();
    for (Armed a : armed) {
      if (!a.fault.matches(method, path)) continue;
      a.seen++;
      if (chosen == null && a.seen >= a.fault.nth()) {
        chosen = a.fault;
        a.fired++;
        if (a.fired >= a.fault.times()) spent.add(a);
      }
    }
    armed.removeAll(spent);
    if (chosen != null) firedTotal++;
    return Optional.ofNullable(chosen);
  }
}
