package dev.scaffold.project;

import dev.scaffold.InputException;
import dev.scaffold.OperationException;
import dev.scaffold.Problem;
import dev.scaffold.Progress;
import dev.scaffold.answers.AnswerInputs;
import dev.scaffold.answers.AnswerTypes;
import dev.scaffold.answers.Answers;
import dev.scaffold.answers.AnswersFile;
import dev.scaffold.answers.Questionnaire;
import dev.scaffold.engine.TemplateEngine;
import dev.scaffold.render.Glob;
import dev.scaffold.render.PlannedEntry;
import dev.scaffold.render.TemplatedGlobs;
import dev.scaffold.render.RenderPlan;
import dev.scaffold.render.Renderer;
import dev.scaffold.template.Question;
import dev.scaffold.template.ResolvedTemplate;
import dev.scaffold.template.SpecSchema;
import dev.scaffold.template.Syntax;
import dev.scaffold.template.TemplateResolver;
import dev.scaffold.template.YamlDocument;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code scaffold template lint}: checks {@code scaffold.yml} against the published schema and its
 * defaults against their questions, parses every {@code .ftl} file, and renders the whole template
 * (to nowhere) with each answers example, or with the questions' defaults when there is none, so
 * that an undefined variable is always found. Every problem is reported in one run, each once, with
 * its file and line.
 */
public final class TemplateLinter {

  /** The name lint gives the render with defaults, where an answers file's name would be. */
  public static final String DEFAULTS = "the questions' defaults";

  /** What lint found: every problem, and how many examples rendered. */
  public record Report(String template, int templatesParsed, List<String> examples, List<Problem> problems) {

    public boolean ok() {
      return problems.isEmpty();
    }
  }

  private final TemplateResolver resolver;
  private final Progress progress;
  private final Path workingDir;

  public TemplateLinter(TemplateResolver resolver, Progress progress) {
    this(resolver, progress, Path.of("").toAbsolutePath());
  }

  /** @param workingDir where a template folder named on the command line is, read when its scaffold.yml is invalid */
  public TemplateLinter(TemplateResolver resolver, Progress progress, Path workingDir) {
    this.resolver = resolver;
    this.progress = progress;
    this.workingDir = workingDir;
  }

  /** @param examples answers files to render with; the template's own {@code answers-examples/} are added */
  public Report lint(String ref, String version, List<Path> examples) {
    ResolvedTemplate t;
    try {
      t = resolver.resolve(ref, version, false);
    } catch (InputException e) {
      Report partial = lintInvalidSpec(ref, e);
      if (partial == null) {
        throw e;
      }
      return partial;
    }
    try (t) {
      Findings found = new Findings();
      Path yml = t.root().resolve("scaffold.yml");
      YamlDocument doc = YamlDocument.parse(read(yml), yml.toString());
      found.addAll(SpecSchema.validate(doc));
      checkDefaults(t, doc, found);
      TemplateEngine engine = new TemplateEngine(t.tree(), t.spec().syntax());
      for (String key : List.of("exclude", "skip_if_exists")) {
        try {
          // templated entries are checked as each example renders them, below
          Glob.check((key.equals("exclude") ? t.spec().exclude() : t.spec().skipIfExists()).stream()
              .filter(g -> !g.contains("${") && !g.contains("<#") && !g.contains("[=")).toList(), key);
        } catch (InputException e) {
          found.addAll(e.problems());
        }
      }
      Set<String> broken = new LinkedHashSet<>();
      int parsed = parseAll(t.tree(), t.spec().subdirectory(), engine, found, broken);
      List<Path> all = examples(examples, t.root());
      List<String> rendered = new ArrayList<>();
      if (all.isEmpty()) {
        progress.step("render with " + DEFAULTS + " (no answers examples)");
        if (render(t, engine, null, broken, found)) {
          rendered.add(DEFAULTS);
        }
      }
      for (Path example : all) {
        progress.step("render with " + example.getFileName());
        if (render(t, engine, example, broken, found)) {
          rendered.add(example.toString());
        }
      }
      return new Report(t.origin().source(), parsed, rendered, found.list());
    }
  }

  /**
   * A scaffold.yml the reader refuses still gets its schema check, and the tree beside it still
   * gets parsed, so one run shows every problem. Null when {@code ref} is no folder holding one.
   */
  private Report lintInvalidSpec(String ref, InputException refusal) {
    Path dir = workingDir.resolve(ref).normalize();
    Path yml = dir.resolve("scaffold.yml");
    if (!Files.isRegularFile(yml, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    Findings found = new Findings();
    found.addAll(refusal.problems().isEmpty() ? List.of(Problem.at(yml.toString(), refusal.getMessage())) : refusal.problems());
    String sub = "template";
    Syntax syntax = Syntax.ANGLE;
    try {
      YamlDocument doc = YamlDocument.parse(read(yml), yml.toString());
      found.addAll(SpecSchema.validate(doc));
      if (doc.root() != null && doc.root().path("subdirectory").isTextual()) {
        sub = doc.root().get("subdirectory").asText();
      }
      if (doc.root() != null && "square".equals(doc.root().path("syntax").asText())) {
        syntax = Syntax.SQUARE;
      }
    } catch (InputException e) {
      // the YAML itself is broken: the reader's problems already say where
    }
    Path tree = dir.resolve(sub).normalize();
    int parsed = 0;
    if (tree.startsWith(dir) && Files.isDirectory(tree, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      parsed = parseAll(tree, sub, new TemplateEngine(tree, syntax), found, new LinkedHashSet<>());
    }
    return new Report(dir.toString(), parsed, List.of(), found.list());
  }

  /** Parses every .ftl file; those that fail are named in {@code broken}, so a render does not report them again. */
  private static int parseAll(Path tree, String subdirectory, TemplateEngine engine, Findings found, Set<String> broken) {
    int parsed = 0;
    // links are not parsed here (their text could be anyone's file): the render plan judges them
    try (Stream<Path> files = Files.walk(tree)) {
      for (Path p : files.filter(f -> f.toString().endsWith(Renderer.RENDER_SUFFIX)
          && Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
        String name = subdirectory + "/" + tree.relativize(p).toString().replace('\\', '/');
        try {
          engine.parseFile(read(p), name);
          parsed++;
        } catch (InputException e) {
          found.addAll(e.problems());
          broken.add(name);
        }
      }
    } catch (IOException e) {
      throw new OperationException("cannot read " + tree + ": " + e.getMessage(), e);
    }
    return parsed;
  }

  /** A literal default that its own question would refuse, at its line in scaffold.yml. */
  private static void checkDefaults(ResolvedTemplate t, YamlDocument doc, Findings found) {
    List<Question> questions = t.spec().questions();
    for (int i = 0; i < questions.size(); i++) {
      Question q = questions.get(i);
      Object d = q.defaultValue();
      if (d == null || String.valueOf(d).contains("${") || String.valueOf(d).contains("<#")
          || (q.choices().isEmpty() && q.choicesExpression() != null)) {
        continue; // templated: judged when it renders
      }
      try {
        AnswerTypes.convert(q, d);
      } catch (IllegalArgumentException e) {
        found.add(Problem.at(doc.where("/questions/" + i + "/default"),
            "question `" + q.name() + "`: invalid default `" + d + "`: " + e.getMessage()));
      }
    }
  }

  /**
   * Renders every path, file, task and message with one example (null: the defaults), reporting
   * each file's error rather than stopping at the first; true when it all rendered.
   */
  private boolean render(ResolvedTemplate t, TemplateEngine engine, Path example, Set<String> broken, Findings found) {
    String label = example == null ? DEFAULTS : example.getFileName().toString();
    int before = found.size();
    try {
      Questionnaire q = new Questionnaire(t.spec(), engine, TemplateContext.of(t), progress);
      AnswerInputs inputs = example == null
          ? new AnswerInputs(placeholders(t.spec().questions()), Map.of(), null, Map.of())
          : new AnswerInputs(Map.of(), AnswersFile.readInputs(example), example.toString(), Map.of());
      Answers answers = q.collect(inputs, null, true);
      Map<String, Object> model = q.model(answers.values());
      RenderPlan plan = new Renderer(engine).plan(t.tree(), t.spec().subdirectory(), t.spec().exclude(), model, t.treeModes());
      for (PlannedEntry e : plan.files()) {
        if (e.kind() != PlannedEntry.Kind.RENDER || broken.contains(e.sourceName())) {
          continue;
        }
        try {
          engine.renderFile(read(e.source()), e.sourceName(), model, Writer.nullWriter());
        } catch (InputException ex) {
          found.addAll(ex.problems(), label);
        }
      }
      attempt(() -> TaskRunner.plan(t.spec().tasks(), engine, model), found, label);
      attempt(() -> ProjectGenerator.derived(t.spec(), engine, model), found, label);
      attempt(() -> TemplateMessage.render(engine, t.spec().messages().afterNew(), TemplateMessage.AFTER_NEW, model),
          found, label);
      attempt(() -> TemplateMessage.render(engine, t.spec().messages().afterUpdate(), TemplateMessage.AFTER_UPDATE, model),
          found, label);
      for (String word : t.spec().testCommand()) {
        attempt(() -> engine.expand(word, "scaffold.yml test_command", model), found, label);
      }
    } catch (InputException e) {
      found.addAll(e.problems().isEmpty()
          ? List.of(Problem.at(example == null ? "scaffold.yml" : example.toString(), e.getMessage())) : e.problems(), label);
    }
    return found.size() == before;
  }

  private static void attempt(Runnable r, Findings found, String label) {
    try {
      r.run();
    } catch (InputException e) {
      found.addAll(e.problems(), label);
    }
  }

  /**
   * Answers for required questions that have no default, so the render with defaults can run: a
   * choice's first value, the smallest allowed number, false, or a text its {@code validate} accepts.
   */
  static Map<String, Object> placeholders(List<Question> questions) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Question q : questions) {
      if (q.defaultValue() != null) {
        continue;
      }
      Object v = switch (q.type()) {
        case CHOICE -> q.choices().isEmpty() ? null : q.choices().get(0).value();
        case MULTI -> q.choices().isEmpty() ? null : List.of(q.choices().get(0).value());
        case INT, NUMBER -> q.min() != null ? q.min() : 1;
        case BOOL -> false;
        default -> text(q.validate());
      };
      if (v != null) {
        out.put(q.name(), v);
      }
    }
    return out;
  }

  private static final List<String> SAMPLE_TEXTS = List.of("example", "example@example.com", "example-1", "Example",
      "ex", "1", "0.1.0", "com.example", "https://example.com", "a");

  private static String text(String validate) {
    if (validate == null || validate.contains("${")) {
      return "example";
    }
    try {
      java.util.regex.Pattern p = java.util.regex.Pattern.compile(validate);
      return SAMPLE_TEXTS.stream().filter(s -> p.matcher(s).find()).findFirst().orElse("example");
    } catch (java.util.regex.PatternSyntaxException e) {
      return "example";
    }
  }

  /**
   * The examples given on the command line, then the template's own ({@code answers-examples/*.yml},
   * {@code .yaml} or {@code .json}, in name order): what lint and test render.
   */
  static List<Path> examples(List<Path> given, Path root) {
    List<Path> all = new ArrayList<>(given);
    all.addAll(ownExamples(root));
    return all;
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

  /** Problems in the order found, each once; the same problem from several examples names them all. */
  private static final class Findings {
    private final Map<String, List<String>> examples = new LinkedHashMap<>();
    private final Map<String, Problem> problems = new LinkedHashMap<>();

    void add(Problem p) {
      problems.putIfAbsent(p.where() + "\u0000" + p.what(), p);
    }

    void addAll(List<Problem> ps) {
      ps.forEach(this::add);
    }

    void addAll(List<Problem> ps, String example) {
      for (Problem p : ps) {
        String key = p.where() + "\u0000" + p.what();
        problems.putIfAbsent(key, p);
        examples.computeIfAbsent(key, k -> new ArrayList<>()).add(example);
      }
    }

    int size() {
      return problems.size() + examples.values().stream().mapToInt(List::size).sum();
    }

    List<Problem> list() {
      List<Problem> out = new ArrayList<>();
      problems.forEach((key, p) -> {
        List<String> with = examples.get(key);
        out.add(with == null ? p : Problem.at(p.where(), p.what() + " (with " + String.join(", ", with) + ")"));
      });
      return out;
    }
  }
}
