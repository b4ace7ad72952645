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
          + "answers, as a unified diff (a/ is the fresh render, b/ the project)."
    })
public final class DiffCommand implements Callable<Integer> {

  private final CliContext ctx;

  @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "The project (default: this folder).")
  String directory;

  @Option(names = "--answers-file", paramLabel = "PATH",
      description = "The project's answers file, relative to it (default: .scaffold-answers.yml, or the only one there).")
  String answersFile;

  @Option(names = "--json", description = "List changed, added and removed paths as JSON on stdout.")
  boolean json;

  @Option(names = "--verbose", description = "Show details.")
  boolean verbose;

  public DiffCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    Progress progress = ctx.progress(verbose, true);
    DriftReport r = new Services(ctx, progress).driftFinder()
        .diff(ctx.path(directory == null ? "." : directory), answersFile);
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("project", r.project().toString());
      m.put("template", r.template());
      m.put("version", r.version());
      m.put("changed", r.changed());
      m.put("added", r.added());
      m.put("removed", r.removed());
      ctx.out().println(Json.write(m));
    } else if (r.patch().isEmpty()) {
      // stdout stays an empty patch for tools; the person reading gets a word on stderr
      ctx.err().println("No drift: " + r.project() + " matches a fresh render of " + r.template() + " " + r.version() + ".");
    } else {
      ctx.out().print(r.patch());
    }
    return ExitCodes.OK;
  }
}
