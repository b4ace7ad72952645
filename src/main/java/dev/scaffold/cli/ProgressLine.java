package dev.scaffold.cli;

import dev.scaffold.Progress;
import java.io.PrintWriter;

/**
 * Progress on stderr: each step as a line ("› render 30 files"); details with {@code --verbose};
 * and, on a terminal only, one live line with the latest count ("› render 120/500"), redrawn in
 * place at most every {@value #REDRAW_MILLIS} ms and wiped before anything else is printed, so a
 * log or a pipe never gets carriage returns.
 */
final class ProgressLine implements Progress {

  static final long REDRAW_MILLIS = 100;

  private final PrintWriter err;
  private final boolean verbose;
  private final boolean quiet;
  private final boolean live;
  private final int width;
  private boolean shown;
  private long lastDraw;
  private String lastTask;
  private String finishedTask;

  /**
   * @param quiet no steps and no counts ({@code --quiet}, {@code --json}); warnings and task output still show
   * @param live stderr is a terminal, so counts may be drawn
   */
  ProgressLine(PrintWriter err, boolean verbose, boolean quiet, boolean live, int width) {
    this.err = err;
    this.verbose = verbose;
    this.quiet = quiet;
    this.live = live && !quiet;
    this.width = Math.max(20, width);
  }

  @Override
  public synchronized void step(String message) {
    finishedTask = null; // a new step may count a task of the same name again
    if (!quiet) {
      wipe();
      err.println("› " + message);
      err.flush();
    }
  }

  @Override
  public synchronized void detail(String message) {
    if (verbose) {
      wipe();
      err.println("  " + message);
    }
  }

  @Override
  public synchronized void output(String line) {
    wipe();
    err.println("  │ " + line);
  }

  @Override
  public synchronized void warn(String message) {
    wipe();
    err.println("warning: " + message);
    err.flush();
  }

  @Override
  public synchronized void count(String task, long done, long total) {
    if (!live) {
      return;
    }
    long now = System.nanoTime() / 1_000_000;
    boolean last = total > 0 && done >= total;
    if (task.equals(finishedTask)) {
      return; // a count from another thread that arrives after the last one: the line is already wiped
    }
    finishedTask = last ? task : null;
    if (!last && task.equals(lastTask) && now - lastDraw < REDRAW_MILLIS) {
      return; // the latest count wins; the ones in between are not worth a redraw
    }
    lastDraw = now;
    lastTask = task;
    String text = "› " + task + " " + done + (total > 0 ? "/" + total + " (" + (done * 100 / total) + "%)" : "");
    if (text.length() > width - 1) {
      text = text.substring(0, width - 2) + "…";
    }
    err.print("\r\033[2K" + text);
    err.flush();
    shown = true;
    if (last) {
      wipe();
    }
  }

  /** Removes the live line, if one is drawn. */
  synchronized void wipe() {
    if (shown) {
      err.print("\r\033[2K");
      err.flush();
      shown = false;
      lastTask = null;
    }
  }
}
