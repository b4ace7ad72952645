package dev.scaffold.jgit;

import dev.scaffold.Progress;
import org.eclipse.jgit.lib.ProgressMonitor;

/** JGit's progress of a clone, fetch or push (its tasks, such as "Receiving objects") as {@link Progress#count} calls. */
final class JGitProgress implements ProgressMonitor {

  private final Progress progress;
  private final String prefix;
  private String task;
  private long total;
  private long done;

  /** @param prefix what the work is, such as "clone https://host/t.git", put before each task's name */
  JGitProgress(Progress progress, String prefix) {
    this.progress = progress;
    this.prefix = prefix;
  }

  /** A monitor for {@code progress}, or JGit's none when nothing would show it. */
  static ProgressMonitor of(Progress progress, String prefix) {
    return progress == null || progress == Progress.NONE ? org.eclipse.jgit.lib.NullProgressMonitor.INSTANCE
        : new JGitProgress(progress, prefix);
  }

  @Override
  public synchronized void start(int totalTasks) {}

  @Override
  public synchronized void beginTask(String title, int totalWork) {
    task = prefix + ": " + title.toLowerCase(java.util.Locale.ROOT);
    total = totalWork == UNKNOWN ? 0 : totalWork;
    done = 0;
    progress.count(task, done, total);
  }

  @Override
  public synchronized void update(int completed) {
    if (task != null) {
      done += completed;
      progress.count(task, done, total);
    }
  }

  @Override
  public synchronized void endTask() {
    if (task != null && total > 0 && done < total) {
      progress.count(task, total, total);
    }
    task = null;
  }

  @Override
  public boolean isCancelled() {
    return Thread.currentThread().isInterrupted();
  }

  @Override
  public void showDuration(boolean enabled) {}
}
