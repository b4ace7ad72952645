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
 */
public record CliContext(
    PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env, Path workingDir, boolean terminal) {

  public static CliContext system() {
    return new CliContext(
        new PrintWriter(System.out, true),
        new PrintWriter(System.err, true),
        System.in,
        System.getenv(),
        Path.of("").toAbsolutePath(),
        System.console() != null);
  }

  /** A path argument, read relative to the working folder. */
  public Path path(String p) {
    return workingDir.resolve(p).normalize();
  }

  /** Progress as lines on stderr: steps always, details only when verbose. */
  public Progress progress(boolean verbose, boolean quiet) {
    PrintWriter e = err;
    return new Progress() {
      @Override
      public void step(String message) {
        if (!quiet) {
          e.println("› " + message);
        }
      }

      @Override
      public void detail(String message) {
        if (verbose) {
          e.println("  " + message);
        }
      }

      @Override
      public void output(String line) {
        e.println("  │ " + line);
      }

      @Override
      public void warn(String message) {
        e.println("warning: " + message);
      }
    };
  }
}
