package dev.scaffold.cli;

import dev.scaffold.update.FleetListener;
import dev.scaffold.update.FleetResult;
import dev.scaffold.update.RepoOutcome;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shows a fleet update as it runs, on stderr: on a terminal a live block (one line per repository
 * in flight and the counts so far, redrawn in place with ANSI cursor moves, colour unless
 * {@code NO_COLOR}); elsewhere one plain line per finished repository. Prints the summary and
 * {@code --json} lines on stdout at the end.
 */
final class FleetView implements FleetListener {

  private static final String[] SPINNER = {"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"};
  private static final long REDRAW_NANOS = 80_000_000L;

  private final PrintWriter err;
  private final boolean live;
  private final boolean color;
  private final boolean quiet;
  private final int width;
  private final Map<String, String> running = new LinkedHashMap<>();
  /** The task each repository last counted, so that a new task's first count is drawn at once. */
  private final Map<String, String> counting = new java.util.HashMap<>();
  private final Map<RepoOutcome.Group, Integer> counts = new EnumMap<>(RepoOutcome.Group.class);
  private int total;
  private int drawn;
  private int frame;
  private long lastDraw;

  /**
   * @param live draw the live block (a terminal, and not {@code --json})
   * @param quiet print nothing while running ({@code --json} without a terminal)
   */
  FleetView(PrintWriter err, boolean live, boolean color, boolean quiet, int width) {
    this.err = err;
    this.live = live;
    this.color = color;
    this.quiet = quiet;
    this.width = Math.max(40, width);
  }

  static FleetView of(CliContext ctx, boolean json) {
    boolean live = ctx.errTerminal() && !json; // the block is drawn on stderr, whatever stdout is
    String noColor = ctx.env().get("NO_COLOR");
    boolean color = live && (noColor == null || noColor.isEmpty()) && !"dumb".equals(ctx.env().get("TERM"));
    int width = 100;
    String columns = ctx.env().get("COLUMNS");
    if (columns != null && columns.matches("\\d{2,4}")) {
      width = Integer.parseInt(columns);
    }
    return new FleetView(ctx.err(), live, color, json && !ctx.terminal(), width);
  }

  /** A view that prints nothing while running ({@code --quiet}). */
  static FleetView silent(CliContext ctx) {
    return new FleetView(ctx.err(), false, false, true, 100);
  }

  @Override
  public synchronized void planned(int total) {
    this.total = total;
    if (!quiet && !live) {
      err.println("› updating " + total + " repositor" + (total == 1 ? "y" : "ies"));
    }
    draw(true);
  }

  @Override
  public synchronized void started(String repo) {
    running.put(repo, "start");
    draw(true);
  }

  @Override
  public synchronized void step(String repo, String message) {
    if (running.containsKey(repo)) {
      running.put(repo, message);
      counting.remove(repo);
      draw(false);
    }
  }

  /** Shown in the repository's line in place of its step; the first count of a task is drawn at once. */
  @Override
  public synchronized void count(String repo, String task, long done, long total) {
    if (running.containsKey(repo)) {
      running.put(repo, task + " " + done + (total > 0 ? "/" + total : ""));
      draw(!task.equals(counting.put(repo, task)));
    }
  }

  @Override
  public synchronized void warn(String repo, String message) {
    if (quiet) {
      return;
    }
    clear();
    err.println("warning: " + repo + ": " + message);
    draw(true);
  }

  @Override
  public synchronized void finished(RepoOutcome o) {
    running.remove(o.repo());
    counting.remove(o.repo());
    counts.merge(o.group(), 1, Integer::sum);
    if (!quiet) {
      clear();
      err.println(line(o, true));
    }
    draw(true);
  }

  /** Removes the live block, for the summary that follows. */
  synchronized void close() {
    clear();
    err.flush();
  }

  private void clear() {
    if (live && drawn > 0) {
      err.print("\r\033[" + drawn + "A\033[J");
      drawn = 0;
    }
  }

  private void draw(boolean force) {
    if (!live) {
      return;
    }
    long now = System.nanoTime();
    if (!force && now - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    clear();
    frame = (frame + 1) % SPINNER.length;
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, String> e : running.entrySet()) {
      lines.add(fit("  " + SPINNER[frame] + " " + e.getKey() + "  " + e.getValue()));
    }
    lines.add(fit(counts()));
    for (String l : lines) {
      err.println(l);
    }
    drawn = lines.size();
    err.flush();
  }

  private String counts() {
    int done = counts.values().stream().mapToInt(Integer::intValue).sum();
    return "[" + done + "/" + total + "] " + count(RepoOutcome.Group.DONE) + " done · "
        + count(RepoOutcome.Group.SKIPPED) + " skipped · " + paint(count(RepoOutcome.Group.CONFLICTED) + " conflicted",
        RepoOutcome.Group.CONFLICTED) + " · " + paint(count(RepoOutcome.Group.FAILED) + " failed", RepoOutcome.Group.FAILED)
        + (running.isEmpty() ? "" : " · " + running.size() + " running");
  }

  private int count(RepoOutcome.Group g) {
    return counts.getOrDefault(g, 0);
  }

  private String fit(String s) {
    return s.length() <= width - 1 ? s : s.substring(0, width - 2) + "…";
  }

  private String paint(String text, RepoOutcome.Group g) {
    if (!color || count(g) == 0 && g != RepoOutcome.Group.DONE) {
      return text;
    }
    return colour(g) + text + "\033[0m";
  }

  private static String colour(RepoOutcome.Group g) {
    switch (g) {
      case DONE:
        return "\033[32m";
      case CONFLICTED:
        return "\033[33m";
      case FAILED:
        return "\033[31m";
      default:
        return "\033[2m";
    }
  }

  /** One outcome as a line: status, repository, versions, and the pull request or the reason. */
  String line(RepoOutcome o, boolean progress) {
    String status = String.format("%-10s", o.status().label());
    if (color && progress) {
      status = colour(o.group()) + status + "\033[0m";
    }
    StringBuilder b = new StringBuilder(progress ? "" : "  ").append(status).append(' ').append(o.repo());
    if (o.from() != null && o.to() != null && !o.from().equals(o.to())) {
      b.append("  ").append(o.from()).append(" → ").append(o.to());
    } else if (o.to() != null) {
      b.append("  ").append(o.to());
    }
    if (o.pullRequest() != null) {
      b.append("  ").append(o.pullRequest());
    }
    if (!o.conflicts().isEmpty()) {
      b.append("  conflicts: ").append(String.join(", ", o.conflicts()));
    }
    if (o.message() != null) {
      b.append(o.status() == RepoOutcome.Status.FAILED ? "  error: " : "  (").append(o.message())
          .append(o.status() == RepoOutcome.Status.FAILED ? "" : ")");
    }
    return b.toString();
  }

  /** The closing summary, every repository in the order asked. */
  void summary(FleetResult r, PrintWriter out) {
    out.println("Fleet update of " + r.outcomes().size() + " repositor" + (r.outcomes().size() == 1 ? "y" : "ies")
        + " in " + String.format(java.util.Locale.ROOT, "%.1f", r.took().toMillis() / 1000.0) + " s: "
        + r.count(RepoOutcome.Group.DONE) + " done, " + r.count(RepoOutcome.Group.SKIPPED) + " skipped, "
        + r.count(RepoOutcome.Group.CONFLICTED) + " conflicted, " + r.count(RepoOutcome.Group.FAILED) + " failed");
    for (RepoOutcome o : r.outcomes()) {
      out.println(line(o, false));
    }
  }

  /** {@code --json}: one object per repository, one per line, in the order asked. */
  static void json(FleetResult r, PrintWriter out) {
    for (RepoOutcome o : r.outcomes()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("repo", o.repo());
      m.put("status", o.status().label());
      m.put("from", o.from());
      m.put("to", o.to());
      m.put("branch", o.branch());
      m.put("pull_request", o.pullRequest());
      m.put("conflicts", o.conflicts());
      m.put(o.status() == RepoOutcome.Status.FAILED ? "error" : "note", o.message());
      m.put("seconds", o.took().toMillis() / 1000.0);
      out.println(Json.line(m));
    }
  }
}
