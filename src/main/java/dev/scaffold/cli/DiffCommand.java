package dev.scaffold.cli;

import dev.scaffold.Progress;
import dev.scaffold.update.DriftReport;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scaffold diff}: how the project drifted from a fresh render of its recorded version. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Show how the project has drifted from a fresh render of its recorded template version and "
          + "answers, as a unified diff (a/ is the fresh render, b/ the project).",
      "",
      "On a terminal the diff is coloured (unless NO_COLOR is set) and shown through GIT_PAGER, else "
          + "PAGER, else less; in a pipe it is plain."
    },
    footer = {
      "",
      "Exit codes: 0 (with --exit-code or --quiet: no drift), 1 drift found with --exit-code or --quiet, "
          + "or a failure, 2 bad input.",
      "Example (CI):",
      "  scaffold diff --exit-code"
    })
public final class DiffCommand implements Callable<Integer> {

  private final CliContext ctx;

  @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "The project (default: this folder).")
  String directory;

  @Option(names = "--answers-file", paramLabel = "PATH",
      description = "The project's answers file, relative to it (default: .scaffold-answers.yml, or the only one there).")
  String answersFile;

  @Option(names = "--template", paramLabel = "SOURCE", description = TemplateOption.DESCRIPTION)
  String template;

  @Option(names = "--json", description = "List changed, added and removed paths as JSON on stdout.")
  boolean json;

  @Option(names = "--verbose", description = "Show details.")
  boolean verbose;

  @Option(names = "--exit-code", description = "Exit 1 when the project has drifted, 0 when not (for CI).")
  boolean exitCode;

  @Option(names = {"-q", "--quiet"}, description = "Print no diff; implies --exit-code (as git diff --quiet).")
  boolean quiet;

  @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
      description = "Colour the diff: auto (a terminal, and NO_COLOR unset), always or never.")
  String color;

  @Option(names = "--no-pager", description = "Do not page the diff, even on a terminal.")
  boolean noPager;

  public DiffCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    Progress progress = ctx.progress(verbose && !quiet, true);
    DiffOutput output = new DiffOutput(ctx, color, noPager, quiet, exitCode).validated();
    Services services = new Services(ctx, progress);
    DriftReport r = services.driftFinder().diff(ctx.path(directory == null ? "." : directory), answersFile,
        TemplateOption.source(ctx, services.catalog(), template));
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("project", r.project().toString());
      m.put("template", r.template());
      m.put("version", r.version());
      m.put("changed", r.changed());
      m.put("added", r.added());
      m.put("removed", r.removed());
      ctx.out().println(Json.write(m));
      return output.jsonExit(r);
    }
    return output.print(r);
  }
}
