package dev.scaffold.testing;

import dev.scaffold.cli.CliContext;
import dev.scaffold.cli.ScaffoldCli;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs the real command line in-process with captured output. */
public final class Cli {

  /** What one run printed and returned. */
  public record Run(int exit, String out, String err) {}

  private Cli() {}

  public static Run run(Path workingDir, String... args) {
    return run(workingDir, Map.of(), args);
  }

  public static Run run(Path workingDir, Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Map<String, String> e = new HashMap<>(env);
    CliContext ctx = new CliContext(new PrintWriter(out, true), new PrintWriter(err, true),
        new ByteArrayInputStream(new byte[0]), e, workingDir, false);
    int code = ScaffoldCli.run(ctx, args);
    return new Run(code, out.toString(), err.toString());
  }
}
