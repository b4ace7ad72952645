package dev.scaffold.cli;

import dev.scaffold.project.Timing;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Entry point. Kept free of library types so that {@code scaffold --version} starts in a JVM's
 * bare start-up time; everything else goes to {@link ScaffoldCli}, except the plainest {@code
 * scaffold new} command lines, which {@link FastNew} reads without picocli.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      System.out.println("scaffold " + dev.scaffold.ScaffoldVersion.current());
      return;
    }
    Timing.mark("main");
    int code = args.length > 0 && args[0].equals("new") ? FastNew.run(args) : FastNew.NOT_HANDLED;
    if (code == FastNew.NOT_HANDLED) {
      code = ScaffoldCli.run(args);
    }
    Timing.mark("done");
    System.out.flush();
    System.exit(code);
  }

  /**
   * {@code scaffold new} for command lines made only of {@link NewCommand}'s plain options, read
   * without picocli. Building picocli's model of the whole command tree costs about 100 ms of a
   * 200 ms run (its Java 5 classes cannot be class-data-shared and are verified on every start), as
   * much as rendering 30 files. The reader fills the same {@link NewCommand} fields picocli would
   * and runs the same {@link NewCommand#call()} with the same error reporting; anything it does not
   * know ({@code --help}, an unknown or repeated option, {@code --}, {@code @file}, clustered short
   * options, a value that starts with {@code -}) goes to picocli, which handles or rejects it as
   * always. {@code MainFastNewTest} checks that both readers fill the command alike.
   */
  static final class FastNew {

    static final int NOT_HANDLED = Integer.MIN_VALUE;

    private static final Set<String> FLAGS =
        Set.of(
            "--prerelease", "--force", "--no-git", "--no-github", "--trust", "--yes", "-y",
            "--defaults", "--non-interactive", "--dry-run", "--json", "--verbose");
    private static final Set<String> VALUED =
        Set.of("--version", "--github-url", "--save-answers", "--answers", "--set");

    private FastNew() {}

    static int run(String[] args) {
      CliContext ctx = CliContext.system();
      NewCommand cmd = parse(ctx, args);
      if (cmd == null) {
        return NOT_HANDLED;
      }
      warmUpInBackground(cmd.template, !cmd.noGit);
      int code;
      try {
        code = cmd.call();
      } catch (Exception e) {
        code = ScaffoldCli.report(ctx, e, cmd.common.verbose);
      }
      ctx.out().flush();
      ctx.err().flush();
      return code;
    }

    /**
     * Initialises JGit's file-system layer on a second core while this thread reads the answers
     * and scaffold.yml, when the run will use git (or the template may be a repository). Only
     * reads; a failure here changes nothing (the real use repeats the work and reports).
     *
     * <p>FreeMarker is not warmed up: templates whose files and names fit {@code SimpleTemplate}
     * never load it, and warming it up speculatively cost them ~0.1 s of CPU (small: 0.33 to
     * 0.24 s, medium: 0.55 to 0.43 s CPU without it, same-run medians on a loaded machine).
     */
    private static void warmUpInBackground(String template, boolean git) {
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
        } catch (RuntimeException | Error e) {
          // only a head start; the main thread does the real work
        }
      }, "scaffold-warm-up");
      t.setDaemon(true);
      t.start();
    }

    /** The command as picocli would fill it from {@code args} ({@code new ...}), or null to leave it to picocli. */
    static NewCommand parse(CliContext ctx, String[] args) {
      List<String> positional = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      List<String[]> options = new ArrayList<>(); // {name, value or null}
      for (int i = 1; i < args.length; i++) {
        String a = args[i];
        if (!a.startsWith("-")) {
          if (a.startsWith("@") || positional.size() == 2) {
            return null; // an argument file, or one positional too many: picocli's business
          }
          positional.add(a);
          continue;
        }
        String name = a;
        String value = null;
        int eq = a.indexOf('=');
        if (a.startsWith("--") && eq > 0) {
          name = a.substring(0, eq);
          value = a.substring(eq + 1);
          if (!VALUED.contains(name)) {
            return null;
          }
        } else if (VALUED.contains(name)) {
          if (i + 1 >= args.length || args[i + 1].startsWith("-")) {
            return null;
          }
          value = args[++i];
        } else if (!FLAGS.contains(name)) {
          return null;
        }
        String key = name.equals("-y") ? "--yes" : name;
        if (!key.equals("--set") && !seen.add(key)) {
          return null; // picocli rejects a repeated single-value option
        }
        options.add(new String[] {key, value});
      }
      NewCommand cmd = new NewCommand(ctx);
      cmd.common = new CommonOptions();
      if (!positional.isEmpty()) {
        cmd.template = positional.get(0);
      }
      if (positional.size() > 1) {
        cmd.destination = positional.get(1);
      }
      for (String[] o : options) {
        String v = o[1];
        switch (o[0]) {
          case "--prerelease" -> cmd.prerelease = true;
          case "--force" -> cmd.force = true;
          case "--no-git" -> cmd.noGit = true;
          case "--no-github" -> cmd.noGithub = true;
          case "--trust" -> cmd.trust = true;
          case "--yes" -> cmd.yes = true;
          case "--defaults" -> cmd.common.defaults = true;
          case "--non-interactive" -> cmd.common.nonInteractive = true;
          case "--dry-run" -> cmd.common.dryRun = true;
          case "--json" -> cmd.common.json = true;
          case "--verbose" -> cmd.common.verbose = true;
          case "--version" -> cmd.version = v;
          case "--github-url" -> cmd.githubUrl = v;
          case "--save-answers" -> cmd.saveAnswers = v;
          case "--answers" -> cmd.common.answersFile = v;
          case "--set" -> cmd.common.set.add(v);
          default -> throw new IllegalStateException(o[0]);
        }
      }
      return cmd;
    }
  }
}
