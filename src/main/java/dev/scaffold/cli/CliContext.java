package dev.scaffold.cli;

import dev.scaffold.Progress;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command may touch of the outside world: its streams, environment, working folder, and
 * whether a person sits at a terminal. Tests build one over captured streams.
 *
 * @param terminal true when stdin and stdout are a terminal, so prompting is possible
 * @param errTerminal true when stderr is a terminal, so a live progress line may be drawn there
 */
public record CliContext(
    PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env, Path workingDir, boolean terminal,
    boolean errTerminal) {

  /** A context whose stderr is a terminal exactly when stdin and stdout are. */
  public CliContext(PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env, Path workingDir,
      boolean terminal) {
    this(out, err, in, env, workingDir, terminal, terminal);
  }

  public static CliContext system() {
    return new CliContext(
        new PrintWriter(System.out, true),
        new PrintWriter(System.err, true),
        System.in,
        System.getenv(),
        Path.of("").toAbsolutePath(),
        System.console() != null,
        TerminalStreams.stderrIsTerminal());
  }

  /** A path argument, read relative to the working folder. */
  public Path path(String p) {
    return workingDir.resolve(p).normalize();
  }

  /** Progress on stderr: steps unless quiet, details only when verbose, live counts only on a terminal. */
  public Progress progress(boolean verbose, boolean quiet) {
    int width = 80;
    String columns = env.get("COLUMNS");
    if (columns != null && columns.matches("\\d{2,4}")) {
      width = Integer.parseInt(columns);
    }
    return new ProgressLine(err, verbose, quiet, errTerminal && !"dumb".equals(env.get("TERM")), width);
  }
}
