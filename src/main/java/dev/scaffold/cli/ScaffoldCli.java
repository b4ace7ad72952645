package dev.scaffold.cli;

import dev.scaffold.AbortedException;
import dev.scaffold.InputException;
import dev.scaffold.Problem;
import dev.scaffold.ScaffoldException;
import dev.scaffold.ScaffoldVersion;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Builds the command line and maps every outcome to an exit code; the only place that prints errors. */
public final class ScaffoldCli {

  private ScaffoldCli() {}

  public static int run(String[] args) {
    return run(CliContext.system(), args);
  }

  public static int run(CliContext ctx, String... args) {
    CommandLine cl = commandLine(ctx);
    int code = cl.execute(args);
    ctx.out().flush();
    ctx.err().flush();
    return code;
  }

  /** The command tree, writing to the context's streams. */
  public static CommandLine commandLine(CliContext ctx) {
    CommandLine cl = new CommandLine(new Root(), new CommandFactory(ctx));
    cl.setOut(ctx.out());
    cl.setErr(ctx.err());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setUsageHelpAutoWidth(true);
    cl.setExecutionExceptionHandler((ex, line, parseResult) -> report(ctx, ex, verbose(parseResult)));
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          ctx.err().println("error: " + ex.getMessage());
          ctx.err().println("Run `" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help` for usage.");
          return ExitCodes.BAD_INPUT;
        });
    return cl;
  }

  private static boolean verbose(CommandLine.ParseResult pr) {
    for (CommandLine.ParseResult p = pr; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }

  static int report(CliContext ctx, Exception ex, boolean verbose) {
    PrintWriter err = ctx.err();
    int code;
    if (ex instanceof AbortedException) {
      err.println("aborted: " + ex.getMessage());
      code = ExitCodes.ABORTED;
    } else if (ex instanceof ScaffoldException se) {
      err.println("error: " + se.getMessage());
      for (Problem p : se.problems()) {
        if (!p.toString().equals(se.getMessage())) {
          err.println("  " + p);
        }
      }
      code = se instanceof InputException ? ExitCodes.BAD_INPUT : ExitCodes.FAILURE;
      if (verbose && se.getCause() != null) {
        err.println(stackTrace(se.getCause()));
      }
    } else {
      err.println("error: unexpected failure: " + ex);
      if (verbose) {
        err.println(stackTrace(ex));
      } else {
        err.println("  run again with --verbose for details");
      }
      code = ExitCodes.FAILURE;
    }
    err.flush();
    return code;
  }

  private static String stackTrace(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return w.toString();
  }

  /** The top-level {@code scaffold} command. */
  @Command(
      name = "scaffold",
      mixinStandardHelpOptions = true,
      versionProvider = Root.Version.class,
      description = {
        "Create projects from templates, provision them on GitHub, and keep them up to date.",
        ""
      },
      subcommands = {
        NewCommand.class,
        UpdateCommand.class,
        CheckCommand.class,
        DiffCommand.class,
        ListCommand.class,
        TemplateCommand.class,
        CommandLine.HelpCommand.class
      },
      footer = {
        "",
        "Exit codes: 0 success, 1 runtime failure, 2 bad usage or input,",
        "3 update available or conflicts left, 130 aborted.",
        "Examples:",
        "  scaffold list",
        "  scaffold new java-library my-lib",
        "  scaffold new java-library my-lib --answers answers.yml --non-interactive",
        "  scaffold check my-lib --json",
        "  scaffold update my-lib --commit"
      })
  static final class Root implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
      @Override
      public String[] getVersion() {
        return new String[] {"scaffold " + ScaffoldVersion.current()};
      }
    }
  }

  /** Gives every command the context it runs in. */
  private record CommandFactory(CliContext ctx) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      try {
        return cls.getDeclaredConstructor(CliContext.class).newInstance(ctx);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(cls);
      }
    }
  }
}
