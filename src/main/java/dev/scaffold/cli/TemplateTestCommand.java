package dev.scaffold.cli;

import dev.scaffold.project.TemplateTester;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scaffold template test}: every answers example generated, and with --build checked by its own test command. */
@Command(
    name = "test",
    description = {
      "Generate a project from every answers example of a template (the template's answers-examples/ "
          + "folder, plus any --answers given; the questions' defaults when there is none), each in its "
          + "own temporary folder, removed afterwards. With --build, run the template's test_command "
          + "(such as [mvn, -B, verify]) in each project and report each example pass or fail.",
      "",
      "The test command runs on this machine, like a task: for a bundled or local template it runs; "
          + "for one from elsewhere (a git URL, gh:OWNER/NAME) only with --trust."
    },
    footer = {
      "",
      "Exit codes: 0 every example passed, 1 a build failed, 2 an example did not render (or bad input, "
          + "or --build without test_command, or an untrusted template).",
      "Examples:",
      "  scaffold template test ./my-template",
      "  scaffold template test java-library --build",
      "  scaffold template test gh:acme/service-template --build --trust --json"
    })
public final class TemplateTestCommand implements Callable<Integer> {

  private final CliContext ctx;

  @Parameters(index = "0", paramLabel = "TEMPLATE", description = "Bundled name, folder, or git URL.")
  String template;

  @Option(names = "--build", description = "Run the template's test_command in each generated project.")
  boolean build;

  @Option(names = "--answers", paramLabel = "FILE", description = "An answers example to test with. Repeatable.")
  List<String> answers = new ArrayList<>();

  @Option(names = "--version", paramLabel = "TAG", description = "Template version (git tag).")
  String version;

  @Option(names = "--trust", description = "Allow the tasks and test_command of a template that is not local or bundled.")
  boolean trust;

  @Option(names = "--json", description = "Print a machine-readable report on stdout.")
  boolean json;

  @Option(names = {"-q", "--quiet"}, description = "No progress; print only the failures and the summary.")
  boolean quiet;

  @Option(names = "--verbose", description = "Show the build's output as it runs.")
  boolean verbose;

  // no standard help mixin: its -V/--version would clash with --version TAG
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  public TemplateTestCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    var progress = ctx.progress(verbose, json || quiet);
    Services services = new Services(ctx, progress);
    List<Path> examples = answers.stream().map(ctx::path).toList();
    TemplateTester.Report r = new TemplateTester(services.resolver(), services.git(), progress, ctx.env(), verbose && !json)
        .test(template, version, examples, build, trust);
    if (json) {
      ctx.out().println(Json.write(json(r)));
    } else {
      text(r);
    }
    return r.allPassed() ? ExitCodes.OK : r.anyRenderFailed() ? ExitCodes.BAD_INPUT : ExitCodes.FAILURE;
  }

  private void text(TemplateTester.Report r) {
    var out = ctx.out();
    for (TemplateTester.Outcome o : r.outcomes()) {
      if (o.passed() && quiet) {
        continue;
      }
      out.println((o.passed() ? "pass  " : "FAIL  ") + o.example() + "  (" + o.detail() + ", " + seconds(o.millis()) + ")");
      if (!o.passed()) {
        o.output().forEach(l -> out.println("      │ " + l));
      }
    }
    long passed = r.outcomes().stream().filter(TemplateTester.Outcome::passed).count();
    out.println(r.template() + " " + r.version() + ": " + r.outcomes().size() + " example(s), " + passed + " passed, "
        + (r.outcomes().size() - passed) + " failed" + (r.testCommand().isEmpty() ? " (rendered only; --build runs "
        + "test_command)" : "") + ".");
  }

  private static String seconds(long millis) {
    return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  private static Map<String, Object> json(TemplateTester.Report r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("template", r.template());
    m.put("version", r.version());
    m.put("ok", r.allPassed());
    m.put("test_command", r.testCommand());
    m.put("examples", r.outcomes().stream().map(o -> {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("example", o.example());
      e.put("status", switch (o.status()) {
        case PASSED -> "passed";
        case RENDER_FAILED -> "render-failed";
        case BUILD_FAILED -> "build-failed";
      });
      e.put("detail", o.detail());
      e.put("output_tail", o.output());
      e.put("millis", o.millis());
      return e;
    }).toList());
    return m;
  }
}
