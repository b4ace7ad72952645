package dev.scaffold.cli;

import dev.scaffold.Problem;
import dev.scaffold.project.TemplateLinter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scaffold template ...}: commands for template authors. */
@Command(
    name = "template",
    mixinStandardHelpOptions = true,
    description = "Commands for template authors.",
    subcommands = {TemplateCommand.Lint.class, TemplateTestCommand.class})
public final class TemplateCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code scaffold template lint}. */
  @Command(
      name = "lint",
      description = {
        // one line: the first is the summary in `scaffold template --help`
        "Check a template: scaffold.yml against its JSON Schema, every .ftl file parses, and the whole "
            + "template renders with each answers example (the template's own answers-examples/ "
            + "folder, plus any --answers given; with the questions' defaults when there is none). "
            + "Reports every problem at once, each with its file and line. Writes nothing."
      })
  public static final class Lint implements Callable<Integer> {

    private final CliContext ctx;

    @Parameters(index = "0", paramLabel = "TEMPLATE", description = "Bundled name, folder, or git URL.")
    String template;

    @Option(names = "--answers", paramLabel = "FILE", description = "An answers example to render with. Repeatable.")
    List<String> answers = new ArrayList<>();

    @Option(names = "--version", paramLabel = "TAG", description = "Template version (git tag).")
    String version;

    @Option(names = "--json", description = "Print a machine-readable report on stdout.")
    boolean json;

    // no standard help mixin: its -V/--version would clash with --version TAG
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--verbose", description = "Show details.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "No progress; print only the problems (or the ok line).")
    boolean quiet;

    public Lint(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      var progress = ctx.progress(verbose && !quiet, json || quiet);
      List<Path> examples = answers.stream().map(ctx::path).toList();
      TemplateLinter.Report r = new TemplateLinter(new Services(ctx, progress).resolver(), progress, ctx.workingDir())
          .lint(template, version, examples);
      if (json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("template", r.template());
        m.put("ok", r.ok());
        m.put("templates_parsed", r.templatesParsed());
        m.put("examples_rendered", r.examples());
        m.put("problems", r.problems().stream().map(p -> Map.of("where", p.where(), "what", p.what())).toList());
        ctx.out().println(Json.write(m));
      } else if (r.ok()) {
        boolean defaults = r.examples().equals(List.of(TemplateLinter.DEFAULTS));
        ctx.out().println("ok: " + r.template() + ": scaffold.yml valid, " + r.templatesParsed() + " templates parse, "
            + (defaults ? "renders with the questions' defaults (no answers examples)"
                : r.examples().size() + " answers example(s) render"));
      } else {
        ctx.err().println("error: " + r.template() + ": " + r.problems().size() + " problem(s)");
        for (Problem p : r.problems()) {
          ctx.err().println("  " + p);
        }
      }
      return r.ok() ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }
  }
}
