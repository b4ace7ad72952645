package dev.scaffold.engine;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Interrupts a FreeMarker render that runs past its time budget. FreeMarker checks the thread's
 * interrupt flag at every loop iteration and macro or function call once a template has its
 * interruption checks added; this class sets the flag. One daemon thread serves every render of
 * the process (started on the first FreeMarker render), so a render costs one timer entry, not a
 * thread.
 *
 * <p>A built-in that loops inside one expression ({@code (1..n)?seq_contains(x)} over a huge range)
 * never looks at the flag, and Java 17 has no way to stop a thread from outside. A render still
 * running one more budget after its interrupt is a runaway: the {@linkplain RenderLimits#onRunaway
 * runaway action} hears of it (the command line reports it and exits; its exit hooks remove
 * staging and temporary folders).
 */
final class RenderWatchdog {

  private static volatile ScheduledThreadPoolExecutor timer;

  private RenderWatchdog() {}

  /**
   * Starts watching the calling thread; close the watch when the render ends, however it ends.
   *
   * @param runaway what to report should the render ignore its interrupt
   */
  static Watch watch(Duration budget, Supplier<String> runaway) {
    Watch w = new Watch(Thread.currentThread(), budget, runaway);
    w.task = timer().schedule(w::fire, budget.toNanos(), TimeUnit.NANOSECONDS);
    return w;
  }

  private static ScheduledThreadPoolExecutor timer() {
    ScheduledThreadPoolExecutor t = timer;
    if (t == null) {
      synchronized (RenderWatchdog.class) {
        t = timer;
        if (t == null) {
          t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread th = new Thread(r, "scaffold-render-watchdog");
            th.setDaemon(true);
            return th;
          });
          t.setRemoveOnCancelPolicy(true); // a finished render leaves no entry behind
          timer = t;
        }
      }
    }
    return t;
  }

  /** One render being watched. */
  static final class Watch implements AutoCloseable {
    private final Thread thread;
    private final Duration budget;
    private final Supplier<String> runaway;
    private ScheduledFuture<?> task;
    private boolean closed; // guarded by this
    private boolean fired; // guarded by this

    private Watch(Thread thread, Duration budget, Supplier<String> runaway) {
      this.thread = thread;
      this.budget = budget;
      this.runaway = runaway;
    }

    private synchronized void fire() {
      if (!closed) {
        fired = true;
        thread.interrupt();
        task = timer().schedule(this::stillRunning, budget.toNanos(), TimeUnit.NANOSECONDS);
      }
    }

    private void stillRunning() {
      Consumer<String> action = RenderLimits.runawayAction();
      synchronized (this) {
        if (closed || action == null) {
          return;
        }
      }
      action.accept(runaway.get());
    }

    /** Whether the budget ran out, and the render was interrupted for it. */
    synchronized boolean expired() {
      return fired;
    }

    /** Stops watching; clears the interrupt this watch set, so that it cannot hit later work. */
    @Override
    public void close() {
      synchronized (this) {
        task.cancel(false);
        closed = true;
        if (fired) {
          Thread.interrupted();
        }
      }
    }
  }
}
