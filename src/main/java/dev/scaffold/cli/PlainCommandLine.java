package dev.scaffold.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The plainest command lines of {@code scaffold new}, {@code update} (on one project) and {@code
 * check}, read without picocli. Building picocli's model of a command costs 100 to 200 ms of a run
 * (its Java 5 classes cannot be class-data-shared and are verified on every start): as much as
 * rendering 30 files, or a sixth of updating a 5,000-file project.
 *
 * <p>The reader fills the same command fields picocli would and runs the same {@code call()} with
 * the same error reporting. Anything it does not know ({@code --help}, an unknown or repeated
 * option, {@code --}, {@code @file}, clustered short options, a value that starts with {@code -},
 * the fleet options of {@code update}) goes to picocli, which handles or rejects it as always.
 * {@code PlainCommandLineTest} checks that both readers fill each command alike.
 */
final class PlainCommandLine {

  static final int NOT_HANDLED = Integer.MIN_VALUE;

  /** The options {@link CommonOptions} adds to a command. */
  private static final Set<String> COMMON_FLAGS =
      Set.of("--defaults", "--non-interactive", "--dry-run", "--json", "--verbose", "--quiet", "-q");
  private static final Set<String> COMMON_VALUED = Set.of("--answers", "--set");

  private static final Grammar NEW = new Grammar(2,
      union(COMMON_FLAGS, Set.of("--prerelease", "--force", "--no-git", "--no-github", "--trust", "--yes", "-y")),
      union(COMMON_VALUED, Set.of("--version", "--github-url", "--save-answers")));
  private static final Grammar UPDATE = new Grammar(1,
      union(COMMON_FLAGS, Set.of("--prerelease", "--allow-dirty", "--allow-downgrade", "--commit", "--pr")),
      union(COMMON_VALUED, Set.of("--version", "--conflict", "--github-url")));
  private static final Grammar CHECK = new Grammar(1, Set.of("--prerelease", "--json", "--verbose", "--quiet", "-q"), Set.of());

  private PlainCommandLine() {}

  /** The options one command takes: at most {@code positionals} arguments, flags, and options with a value. */
  record Grammar(int positionals, Set<String> flags, Set<String> valued) {

    /** Every option name the reader accepts. */
    Set<String> names() {
      return union(flags, valued);
    }
  }

  /** A command line as read: its arguments, and its options in order ({name, value or null}). */
  record Reading(List<String> positionals, List<String[]> options) {}

  /** Runs the command, or returns {@link #NOT_HANDLED} for picocli to run it. */
  static int run(String[] args) {
    CliContext ctx = CliContext.system();
    Callable<Integer> cmd = parse(ctx, args);
    if (cmd == null) {
      return NOT_HANDLED;
    }
    if (cmd instanceof NewCommand n) {
      NewWarmUp.start(n.template, !n.noGit, n.common.interactive(ctx));
    }
    int code;
    try {
      ScaffoldCli.useRenderLimits(ctx);
      code = cmd.call();
    } catch (Exception | StackOverflowError | OutOfMemoryError e) {
      code = ScaffoldCli.report(ctx, e, verbose(cmd));
    }
    ctx.out().flush();
    ctx.err().flush();
    return code;
  }

  /** The command as picocli would fill it from {@code args}, or null to leave it to picocli. */
  static Callable<Integer> parse(CliContext ctx, String[] args) {
    if (args.length == 0) {
      return null;
    }
    return switch (args[0]) {
      case "new" -> newCommand(ctx, args);
      case "update" -> updateCommand(ctx, args);
      case "check" -> checkCommand(ctx, args);
      default -> null;
    };
  }

  /**
   * Reads {@code args} after the command's name by {@code grammar}, or returns null where picocli
   * could read them otherwise (or reject them).
   */
  static Reading read(String[] args, Grammar grammar) {
    List<String> positionals = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<String[]> options = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      if (args[i].startsWith("@")) {
        return null; // an argument file, which picocli expands wherever it stands, option values too
      }
    }
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("-")) {
        if (positionals.size() == grammar.positionals()) {
          return null; // one argument too many: picocli's business
        }
        positionals.add(a);
        continue;
      }
      String name = a;
      String value = null;
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 0) {
        name = a.substring(0, eq);
        value = a.substring(eq + 1);
        if (!grammar.valued().contains(name)) {
          return null;
        }
      } else if (grammar.valued().contains(name)) {
        if (i + 1 >= args.length || args[i + 1].startsWith("-")) {
          return null;
        }
        value = args[++i];
      } else if (!grammar.flags().contains(name)) {
        return null;
      }
      String key = name.equals("-y") ? "--yes" : name.equals("-q") ? "--quiet" : name;
      if (!key.equals("--set") && !seen.add(key)) {
        return null; // picocli rejects a repeated single-value option
      }
      options.add(new String[] {key, value});
    }
    return new Reading(positionals, options);
  }

  static NewCommand newCommand(CliContext ctx, String[] args) {
    Reading r = read(args, NEW);
    if (r == null) {
      return null;
    }
    NewCommand cmd = new NewCommand(ctx);
    cmd.common = new CommonOptions();
    cmd.template = positional(r, 0);
    cmd.destination = positional(r, 1);
    apply(r, cmd.common, (name, v) -> {
      switch (name) {
        case "--prerelease" -> cmd.prerelease = true;
        case "--force" -> cmd.force = true;
        case "--no-git" -> cmd.noGit = true;
        case "--no-github" -> cmd.noGithub = true;
        case "--trust" -> cmd.trust = true;
        case "--yes" -> cmd.yes = true;
        case "--version" -> cmd.version = v;
        case "--github-url" -> cmd.githubUrl = v;
        case "--save-answers" -> cmd.saveAnswers = v;
        default -> throw new IllegalStateException(name);
      }
    });
    return cmd;
  }

  static UpdateCommand updateCommand(CliContext ctx, String[] args) {
    Reading r = read(args, UPDATE);
    if (r == null) {
      return null;
    }
    UpdateCommand cmd = new UpdateCommand(ctx);
    cmd.common = new CommonOptions();
    cmd.directory = positional(r, 0);
    cmd.conflict = UpdateCommand.DEFAULT_CONFLICT;
    apply(r, cmd.common, (name, v) -> {
      switch (name) {
        case "--prerelease" -> cmd.prerelease = true;
        case "--allow-dirty" -> cmd.allowDirty = true;
        case "--allow-downgrade" -> cmd.allowDowngrade = true;
        case "--commit" -> cmd.commit = true;
        case "--pr" -> cmd.pr = true;
        case "--version" -> cmd.version = v;
        case "--conflict" -> cmd.conflict = v;
        case "--github-url" -> cmd.githubUrl = v;
        default -> throw new IllegalStateException(name);
      }
    });
    return cmd;
  }

  static CheckCommand checkCommand(CliContext ctx, String[] args) {
    Reading r = read(args, CHECK);
    if (r == null) {
      return null;
    }
    CheckCommand cmd = new CheckCommand(ctx);
    cmd.directory = positional(r, 0);
    apply(r, null, (name, v) -> {
      switch (name) {
        case "--prerelease" -> cmd.prerelease = true;
        case "--json" -> cmd.json = true;
        case "--verbose" -> cmd.verbose = true;
        case "--quiet" -> cmd.quiet = true;
        default -> throw new IllegalStateException(name);
      }
    });
    return cmd;
  }

  /** The grammar of a command this reader knows, for tests. */
  static Grammar grammar(String command) {
    return switch (command) {
      case "new" -> NEW;
      case "update" -> UPDATE;
      case "check" -> CHECK;
      default -> throw new IllegalArgumentException(command);
    };
  }

  /** Hands each option read to {@code own}, but those of {@link CommonOptions}, which go to {@code common}. */
  private static void apply(Reading r, CommonOptions common, java.util.function.BiConsumer<String, String> own) {
    for (String[] o : r.options()) {
      if (common == null || !common(common, o)) {
        own.accept(o[0], o[1]);
      }
    }
  }

  private static boolean common(CommonOptions c, String[] o) {
    switch (o[0]) {
      case "--defaults" -> c.defaults = true;
      case "--non-interactive" -> c.nonInteractive = true;
      case "--dry-run" -> c.dryRun = true;
      case "--json" -> c.json = true;
      case "--verbose" -> c.verbose = true;
      case "--quiet" -> c.quiet = true;
      case "--answers" -> c.answersFile = o[1];
      case "--set" -> c.set.add(o[1]);
      default -> {
        return false;
      }
    }
    return true;
  }

  private static boolean verbose(Callable<Integer> cmd) {
    if (cmd instanceof NewCommand n) {
      return n.common.verbose;
    }
    if (cmd instanceof UpdateCommand u) {
      return u.common.verbose;
    }
    return cmd instanceof CheckCommand c && c.verbose;
  }

  private static String positional(Reading r, int i) {
    return i < r.positionals().size() ? r.positionals().get(i) : null;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }

  /**
   * Initialises JGit's file-system layer on a second core while {@code new} reads the answers and
   * scaffold.yml, when the run will use git (or the template may be a repository). Only reads; a
   * failure here changes nothing (the real use repeats the work and reports).
   *
   * <p>FreeMarker is not warmed up: templates whose files and names fit {@code SimpleTemplate}
   * never load it, and warming it up speculatively cost them ~0.1 s of CPU (small: 0.33 to 0.24 s,
   * medium: 0.55 to 0.43 s CPU without it, same-run medians on a loaded machine).
   */
  private static final class NewWarmUp {

    /** @param prompts whether a person will answer questions, which leaves time to measure the file system */
    static void start(String template, boolean git, boolean prompts) {
      if (Runtime.getRuntime().availableProcessors() < 2 || "false".equals(System.getProperty("scaffold.warmUp"))) {
        return;
      }
      java.nio.file.Path dir = template == null ? null : java.nio.file.Path.of(template).toAbsolutePath();
      if (!git && (dir == null || !dev.scaffold.jgit.JGitClient.mayBeRepository(dir))) {
        return;
      }
      Thread t = new Thread(() -> {
        try {
          // JGit's FS: the template resolver asks about a repository, git init needs it
          new dev.scaffold.jgit.JGitClient().isRepository(dir == null ? java.nio.file.Path.of("") : dir);
          if (prompts && git) {
            dev.scaffold.jgit.JGitClient.measureFileSystem(java.nio.file.Path.of("").toAbsolutePath());
          }
        } catch (RuntimeException | Error e) {
          // only a head start; the main thread does the real work
        }
      }, "scaffold-warm-up");
      t.setDaemon(true);
      t.start();
    }
  }
}
