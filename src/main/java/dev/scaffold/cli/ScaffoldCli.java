package dev.scaffold.cli;

import dev.scaffold.AbortedException;
import dev.scaffold.InputException;
import dev.scaffold.Problem;
import dev.scaffold.ScaffoldException;
import dev.scaffold.ScaffoldVersion;
import dev.scaffold.engine.RenderLimits;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Builds the command line and maps every outcome to an exit code; the only place that prints errors. */
public final class ScaffoldCli {

  private ScaffoldCli() {}

  public static int run(String[] args) {
    return run(CliContext.system(), args);
  }

  public static int run(CliContext ctx, String... args) {
    int code;
    try {
      useRenderLimits(ctx);
      CommandLine cl = commandLine(ctx, args);
      code = cl.execute(args);
    } catch (InputException | StackOverflowError | OutOfMemoryError e) {
      // picocli hands only Exceptions to the handler; an Error from a command arrives here
      code = report(ctx, e, List.of(args).contains("--verbose"));
    }
    ctx.out().flush();
    ctx.err().flush();
    return code;
  }

  /** The render limits from the run's environment (see {@link RenderLimits}), for every engine the command makes. */
  static void useRenderLimits(CliContext ctx) {
    RenderLimits.use(RenderLimits.from(ctx.env()));
  }

  /** The commands under {@code scaffold}, in the order help lists them. */
  private static final List<Class<?>> COMMANDS = List.of(
      NewCommand.class, UpdateCommand.class, CheckCommand.class, DiffCommand.class, ListCommand.class,
      TemplateCommand.class, SettingsCommand.class, CompletionCommand.class);

  /** The whole command tree, writing to the context's streams. */
  public static CommandLine commandLine(CliContext ctx) {
    return commandLine(ctx, new String[0]);
  }

  /**
   * The command tree for {@code args}: when they name a command, only that one is built, since
   * picocli's model of every command costs more start-up time than most runs spend working.
   */
  static CommandLine commandLine(CliContext ctx, String[] args) {
    CommandFactory factory = new CommandFactory(ctx);
    CommandLine cl = new CommandLine(new Root(), factory);
    String named = args.length > 0 ? args[0] : "";
    boolean one = COMMANDS.stream().anyMatch(c -> nameOf(c).equals(named));
    for (Class<?> c : COMMANDS) {
      if (!one || nameOf(c).equals(named)) {
        try {
          cl.addSubcommand(nameOf(c), factory.create(c));
        } catch (Exception e) {
          throw new IllegalStateException("cannot create the " + nameOf(c) + " command", e);
        }
      }
    }
    cl.addSubcommand("help", new HelpCommand());
    useVersion(cl);
    HelpLayout.use(cl);
    cl.setOut(ctx.out());
    cl.setErr(ctx.err());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setUsageHelpAutoWidth(true);
    cl.setExecutionExceptionHandler((ex, line, parseResult) -> report(ctx, ex, verbose(parseResult)));
    cl.setParameterExceptionHandler(
        (ex, unmatched) -> usageError(ctx.err(), ex));
    return cl;
  }

  /** Prints a usage error in one line, with did-you-mean names for a mistyped command or option. */
  static int usageError(PrintWriter err, CommandLine.ParameterException ex) {
    CommandLine.Model.CommandSpec spec = ex.getCommandLine().getCommandSpec();
    if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      String typed = u.getUnmatched().get(0);
      if (u.isUnknownOption()) {
        String name = typed.startsWith("--") && typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed;
        List<String> names = spec.options().stream().flatMap(o -> java.util.Arrays.stream(o.names())).toList();
        return unknown(err, spec, "option", name, names);
      }
      if (!spec.subcommands().isEmpty()) {
        return unknown(err, spec, "command", typed, spec.subcommands().keySet());
      }
    }
    err.println("error: " + ex.getMessage());
    err.println("Run `" + spec.qualifiedName() + " --help` for usage.");
    return ExitCodes.BAD_INPUT;
  }

  /** {@code error: unknown command `nwe`}, then the closest names, if any are close. */
  static int unknown(PrintWriter err, CommandLine.Model.CommandSpec spec, String kind, String typed,
      java.util.Collection<String> names) {
    err.println("error: unknown " + kind + " `" + typed + "`");
    List<String> close = Suggestions.closest(typed, names);
    if (!close.isEmpty()) {
      err.println("  did you mean: " + String.join(", ", close) + "?");
    }
    err.println("Run `" + spec.qualifiedName() + " --help` for usage.");
    return ExitCodes.BAD_INPUT;
  }

  /**
   * Gives {@code -V, --version} (of mixinStandardHelpOptions) scaffold's version on every command,
   * where it printed nothing; commands whose {@code --version} takes a TAG keep theirs.
   */
  private static void useVersion(CommandLine cl) {
    CommandLine.Model.CommandSpec spec = cl.getCommandSpec();
    if (spec.version().length == 0 && spec.optionsMap().get("--version") != null
        && spec.optionsMap().get("--version").versionHelp()) {
      spec.versionProvider(new Root.Version());
    }
    cl.getSubcommands().values().forEach(ScaffoldCli::useVersion);
  }

  private static boolean verbose(CommandLine.ParseResult pr) {
    for (CommandLine.ParseResult p = pr; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }

  static int report(CliContext ctx, Throwable ex, boolean verbose) {
    PrintWriter err = ctx.err();
    int code;
    if (ex instanceof StackOverflowError || ex instanceof OutOfMemoryError) {
      // what the engine does not catch itself: input nested or sized beyond what the JVM holds
      err.println("error: " + (ex instanceof StackOverflowError
          ? "input nested too deeply (the stack ran out)" : "ran out of memory (input too large?)"));
      if (verbose) {
        err.println(stackTrace(ex));
      }
      code = ExitCodes.BAD_INPUT;
    } else if (ex instanceof AbortedException) {
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
      footer = {
        "",
        "Exit codes: 0 success, 1 runtime failure, 2 bad usage or input, 3 update available or conflicts left, "
            + "130 aborted.",
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

  private static String nameOf(Class<?> command) {
    return command.getAnnotation(Command.class).name();
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
