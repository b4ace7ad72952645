package dev.scaffold.cli;

import dev.scaffold.Progress;
import dev.scaffold.update.CheckResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scaffold check}: whether a newer template version exists, for CI. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {"Tell whether a newer version of the project's template exists."},
    footer = {
      "",
      "Exit codes: 0 up to date, 3 an update exists, 2 the project's answers file is missing or broken "
          + "(or its template has no versions, or is a folder relative to the project that is not there: see --template), "
          + "1 failure (such as an unreachable repository).",
      "Examples:",
      "  scaffold check --json",
      "  scaffold check --template ../templates/service"
    })
public final class CheckCommand implements Callable<Integer> {

  private final CliContext ctx;

  @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "The project (default: this folder).")
  String directory;

  @Option(names = "--prerelease", description = "Count pre-releases as newer versions.")
  boolean prerelease;

  @Option(names = "--answers-file", paramLabel = "PATH",
      description = "The project's answers file, relative to it (default: .scaffold-answers.yml, or the only one there).")
  String answersFile;

  @Option(names = "--template", paramLabel = "SOURCE", description = TemplateOption.DESCRIPTION)
  String template;

  @Option(names = "--all", description = "Check every scaffold project below DIR: one line (--json: one object) each.")
  boolean all;

  @Option(names = "--json", description = "Print a machine-readable result on stdout.")
  boolean json;

  @Option(names = "--verbose", description = "Show details, such as tags that are not versions.")
  boolean verbose;

  @Option(names = {"-q", "--quiet"}, description = "No progress: only the result line and errors.")
  boolean quiet;

  public CheckCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    Progress progress = ctx.progress(verbose && !quiet, true);
    java.nio.file.Path dir = ctx.path(directory == null ? "." : directory);
    if (all) {
      if (answersFile != null) {
        throw dev.scaffold.InputException.at("--answers-file", "does not go with --all, which finds every answers file itself");
      }
      if (template != null) {
        throw dev.scaffold.InputException.at("--template", "does not go with --all, whose projects may come from different templates");
      }
      var updater = new Services(ctx, progress).updater();
      var found = dev.scaffold.update.AllProjectsUpdater.find(dir);
      if (found.isEmpty()) {
        throw dev.scaffold.InputException.at(dir.toString(), "holds no scaffold answers file, so there is nothing to check");
      }
      boolean any = false;
      java.util.List<Object> list = new java.util.ArrayList<>();
      for (var f : found) {
        CheckResult r = updater.check(f.project(), f.answersFile(), prerelease);
        any |= r.updateAvailable();
        String name = dir.toAbsolutePath().normalize().relativize(f.file()).toString();
        if (json) {
          Map<String, Object> m = json(r);
          m.put("answers_file", name);
          list.add(m);
        } else {
          ctx.out().println(name + ": " + (r.updateAvailable() ? "update available " + r.current() + " → " + r.newest()
              : "up to date at " + r.current()) + " (" + r.template() + ")");
        }
      }
      if (json) {
        ctx.out().println(Json.write(list));
      }
      return any ? ExitCodes.ATTENTION : ExitCodes.OK;
    }
    Services services = new Services(ctx, progress);
    CheckResult r = services.updater().check(dir, answersFile, prerelease,
        TemplateOption.source(ctx, services.catalog(), template));
    if (json) {
      ctx.out().println(Json.write(json(r)));
    } else if (r.updateAvailable()) {
      ctx.out().println("Update available: " + r.template() + " " + r.current() + " → " + r.newest()
          + " (run `scaffold update`)");
    } else {
      ctx.out().println("Up to date: " + r.template() + " " + r.current() + " (newest " + r.newest() + ")");
    }
    return r.updateAvailable() ? ExitCodes.ATTENTION : ExitCodes.OK;
  }

  private static Map<String, Object> json(CheckResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("project", r.project().toString());
    m.put("template", r.template());
    m.put("current", r.current());
    m.put("newest", r.newest());
    m.put("update_available", r.updateAvailable());
    m.put("versions", r.versions());
    m.put("ignored_tags", r.ignoredTags());
    return m;
  }
}
