package dev.scaffold.project;

import dev.scaffold.InputException;
import dev.scaffold.OperationException;
import dev.scaffold.Problem;
import dev.scaffold.Progress;
import dev.scaffold.answers.AnswerInputs;
import dev.scaffold.answers.Answers;
import dev.scaffold.answers.AnswersFile;
import dev.scaffold.answers.Questionnaire;
import dev.scaffold.engine.TemplateEngine;
import dev.scaffold.render.Glob;
import dev.scaffold.render.TemplatedGlobs;
import dev.scaffold.render.RenderPlan;
import dev.scaffold.render.Renderer;
import dev.scaffold.render.TreeWriter;
import dev.scaffold.template.ResolvedTemplate;
import dev.scaffold.template.SpecSchema;
import dev.scaffold.template.TemplateResolver;
import dev.scaffold.template.YamlDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code scaffold template lint}: checks {@code scaffold.yml} against the published schema, parses
 * every {@code .ftl} file, and renders the whole template (to nowhere) with each answers example.
 */
public final class TemplateLinter {

  /** What lint found: every problem, and how many examples rendered. */
  public record Report(String template, int templatesParsed, List<String> examples, List<Problem> problems) {

    public boolean ok() {
      return problems.isEmpty();
    }
  }

  private final TemplateResolver resolver;
  private final Progress progress;

  public TemplateLinter(TemplateResolver resolver, Progress progress) {
    this.resolver = resolver;
    this.progress = progress;
  }

  /** @param examples answers files to render with; the template's own {@code answers-examples/} are added */
  public Report lint(String ref, String version, List<Path> examples) {
    List<Problem> problems = new ArrayList<>();
    try (ResolvedTemplate t = resolver.resolve(ref, version, false)) {
      Path yml = t.root().resolve("scaffold.yml");
      problems.addAll(SpecSchema.validate(YamlDocument.parse(read(yml), yml.toString())));
      TemplateEngine engine = new TemplateEngine(t.tree(), t.spec().syntax());
      for (String key : List.of("exclude", "skip_if_exists")) {
        try {
          // templated entries are checked as each example renders them, below
          Glob.check((key.equals("exclude") ? t.spec().exclude() : t.spec().skipIfExists()).stream()
              .filter(g -> !g.contains("${") && !g.contains("<#") && !g.contains("[=")).toList(), key);
        } catch (InputException e) {
          problems.addAll(e.problems());
        }
      }
      int parsed = 0;
      // links are not parsed here (their text could be anyone's file): the render plan below judges them
      try (Stream<Path> files = Files.walk(t.tree())) {
        for (Path p : files.filter(f -> f.toString().endsWith(Renderer.RENDER_SUFFIX)
            && Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
          String name = t.spec().subdirectory() + "/" + t.tree().relativize(p).toString().replace('\\', '/');
          try {
            engine.parseFile(read(p), name);
            parsed++;
          } catch (InputException e) {
            problems.addAll(e.problems());
          }
        }
      } catch (IOException e) {
        throw new OperationException("cannot read " + t.tree() + ": " + e.getMessage(), e);
      }
      List<Path> all = new ArrayList<>(examples);
      all.addAll(ownExamples(t.root()));
      List<String> rendered = new ArrayList<>();
      for (Path example : all) {
        progress.step("render with " + example.getFileName());
        try {
          Questionnaire q = new Questionnaire(t.spec(), engine, TemplateContext.of(t), progress);
          AnswerInputs inputs = new AnswerInputs(Map.of(), AnswersFile.readInputs(example), example.toString(), Map.of());
          Answers answers = q.collect(inputs, null, true);
          Map<String, Object> model = q.model(answers.values());
          TemplatedGlobs.skipIfExists(t.spec(), engine, model);
          RenderPlan plan = new Renderer(engine).plan(t.tree(), t.spec().subdirectory(),
              TemplatedGlobs.exclude(t.spec(), engine, model), model, t.treeModes());
          new TreeWriter(engine).check(plan, model);
          TaskRunner.plan(t.spec().tasks(), engine, model);
          rendered.add(example.toString());
        } catch (InputException e) {
          for (Problem p : e.problems()) {
            problems.add(Problem.at(p.where(), p.what() + " (with " + example.getFileName() + ")"));
          }
          if (e.problems().isEmpty()) {
            problems.add(Problem.at(example.toString(), e.getMessage()));
          }
        }
      }
      return new Report(t.origin().source(), parsed, rendered, problems);
    }
  }

  private static List<Path> ownExamples(Path root) {
    Path dir = root.resolve("answers-examples");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList();
    } catch (IOException e) {
      throw new OperationException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  private static String read(Path p) {
    return dev.scaffold.InputFiles.readText(p, p.toString());
  }
}
