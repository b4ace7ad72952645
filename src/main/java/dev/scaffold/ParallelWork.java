package dev.scaffold;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs an action on every item of a list on the calling thread and up to three threads of its own,
 * one per further core (not the shared pool, which may be busy with other work of a fleet run).
 * After a failure no new item starts, and the ones under way finish before it is reported: a
 * caller that then removes what was written (a staging folder) or reports the run as failed never
 * races a write still in progress.
 */
public final class ParallelWork {

  private ParallelWork() {}

  /**
   * @param threadName the name of the helper threads, numbered
   * @param parallelFrom the fewest items worth more threads; fewer run on the calling thread alone
   */
  public static <T> void forEach(List<T> items, Consumer<T> action, String threadName, int parallelFrom) {
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable worker = () -> {
      for (int i; failure.get() == null && (i = next.getAndIncrement()) < items.size(); ) {
        try {
          action.accept(items.get(i));
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        }
      }
    };
    int helpers = items.size() < parallelFrom ? 0 : Math.min(3, Runtime.getRuntime().availableProcessors() - 1);
    List<Thread> others = new ArrayList<>();
    for (int h = 0; h < helpers; h++) {
      Thread t = new Thread(worker, threadName + "-" + h);
      t.setDaemon(true);
      t.start();
      others.add(t);
    }
    worker.run();
    boolean interrupted = false;
    for (Thread t : others) {
      while (t.isAlive()) {
        try {
          t.join();
        } catch (InterruptedException e) {
          interrupted = true; // the items under way finish first
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    Throwable e = failure.get();
    if (e instanceof RuntimeException r) {
      throw r;
    }
    if (e instanceof Error err) {
      throw err;
    }
    if (e != null) {
      throw new IllegalStateException(e);
    }
  }
}
