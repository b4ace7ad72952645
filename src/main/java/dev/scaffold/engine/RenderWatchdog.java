package dev.scaffold.engine;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Interrupts a FreeMarker render that runs past its time budget. FreeMarker checks the thread's
 * interrupt flag at every loop iteration and macro or function call once a template has its
 * interruption checks added; this class sets the flag. One daemon thread serves every render of
 * the process (started on the first FreeMarker render), so a render costs one timer entry, not a
 * thread.
 */
final class RenderWatchdog {

  private static volatile ScheduledThreadPoolExecutor timer;

  private RenderWatchdog() {}

  /** Starts watching the calling thread; close the watch when the render ends, however it ends. */
  static Watch watch(Duration budget) {
    Watch w = new Watch(Thread.currentThread());
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
    private ScheduledFuture<?> task;
    private boolean closed; // guarded by this
    private boolean fired; // guarded by this

    private Watch(Thread thread) {
      this.thread = thread;
    }

    private synchronized void fire() {
      if (!closed) {
        fired = true;
        thread.interrupt();
      }
    }

    /** Whether the budget ran out, and the render was interrupted for it. */
    synchronized boolean expired() {
      return fired;
    }

    /** Stops watching; clears the interrupt this watch set, so that it cannot hit later work. */
    @Override
    public void close() {
      task.cancel(false);
      synchronized (this) {
        closed = true;
        if (fired) {
          Thread.interrupted();
        }
      }
    }
  }
}
