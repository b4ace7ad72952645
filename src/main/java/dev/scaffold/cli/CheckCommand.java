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
          + "(or its template has no versions), 1 failure (such as an unreachable repository).",
      "Example:",
      "  scaffold check --json"
    })
public final class CheckCommand implements Callable<Integer> {

  private final CliContext ctx;

  @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "The project (default: this folder).")
  String directory;

  @Option(names = "--prerelease", description = "Count pre-releases as newer versions.")
  boolean prerelease;

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
    CheckResult r = new Services(ctx, progress).updater().check(ctx.path(directory == null ? "." : directory), prerelease);
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("project", r.project().toString());
      m.put("template", r.template());
      m.put("current", r.current());
      m.put("newest", r.newest());
      m.put("update_available", r.updateAvailable());
      m.put("versions", r.versions());
      m.put("ignored_tags", r.ignoredTags());
      ctx.out().println(Json.write(m));
    } else if (r.updateAvailable()) {
      ctx.out().println("Update available: " + r.template() + " " + r.current() + " → " + r.newest()
          + " (run `scaffold update`)");
    } else {
      ctx.out().println("Up to date: " + r.template() + " " + r.current() + " (newest " + r.newest() + ")");
    }
    return r.updateAvailable() ? ExitCodes.ATTENTION : ExitCodes.OK;
  }
}
