package dev.scaffold.project;

import dev.scaffold.InputException;
import dev.scaffold.OperationException;
import dev.scaffold.Problem;
import dev.scaffold.Progress;
import dev.scaffold.TempFolders;
import dev.scaffold.answers.AnswerInputs;
import dev.scaffold.answers.AnswersFile;
import dev.scaffold.engine.TemplateEngine;
import dev.scaffold.publish.GitClient;
import dev.scaffold.template.ResolvedTemplate;
import dev.scaffold.template.TemplateResolver;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * {@code scaffold template test}: generates a project from every answers example (or from the
 * questions' defaults when there is none) into its own temporary folder, exactly as {@code new}
 * would (tasks and git included, GitHub never), and with {@code build} runs the template's
 * {@code test_command} in it. Each temporary folder is removed when its example is done.
 *
 * <p>The test command is a command the template chose, like a task: it runs for a bundled or
 * local template, and for one from elsewhere only with {@code trust}.
 */
public final class TemplateTester {

  /** How many of a failed build's last output lines a result keeps. */
  static final int TAIL = 20;

  /** One example's outcome: passed, or failed at rendering or at the build. */
  public record Outcome(String example, Status status, String detail, List<String> output, long millis) {
    public enum Status { PASSED, RENDER_FAILED, BUILD_FAILED }

    public boolean passed() {
      return status == Status.PASSED;
    }
  }

  /** Every example's outcome, and the command run in each (empty without a build). */
  public record Report(String template, String version, List<String> testCommand, List<Outcome> outcomes) {
    public boolean allPassed() {
      return outcomes.stream().allMatch(Outcome::passed);
    }

    public boolean anyRenderFailed() {
      return outcomes.stream().anyMatch(o -> o.status() == Outcome.Status.RENDER_FAILED);
    }
  }

  private final TemplateResolver resolver;
  private final GitClient git;
  private final Progress progress;
  private final Map<String, String> environment;
  private final boolean showOutput;

  /** @param showOutput pass the build's output to {@code progress} as it comes ({@code --verbose}) */
  public TemplateTester(TemplateResolver resolver, GitClient git, Progress progress, Map<String, String> environment,
      boolean showOutput) {
    this.resolver = resolver;
    this.git = git;
    this.progress = progress;
    this.environment = environment;
    this.showOutput = showOutput;
  }

  public Report test(String ref, String version, List<Path> examples, boolean build, boolean trust) {
    try (ResolvedTemplate t = resolver.resolve(ref, version, false)) {
      List<String> command = t.spec().testCommand();
      if (build && command.isEmpty()) {
        throw InputException.at(t.root().resolve("scaffold.yml").toString(),
            "has no `test_command` for --build to run (such as test_command: [mvn, -B, verify])");
      }
      if (build && !t.origin().isLocal() && !trust) {
        throw new InputException("the template " + t.origin().source() + " comes from elsewhere and its test_command "
            + "would run on this machine; read it below and pass --trust to allow it",
            List.of(Problem.at("test_command", String.join(" ", command))));
      }
      List<Path> all = TemplateLinter.examples(examples, t.root());
      List<Outcome> outcomes = new ArrayList<>();
      if (all.isEmpty()) {
        outcomes.add(one(t, ref, version, null, build, trust));
      }
      for (Path example : all) {
        outcomes.add(one(t, ref, version, example, build, trust));
      }
      return new Report(t.origin().source(), t.versionLabel(), build ? command : List.of(), outcomes);
    }
  }

  private Outcome one(ResolvedTemplate t, String ref, String version, Path example, boolean build, boolean trust) {
    String label = example == null ? TemplateLinter.DEFAULTS : example.toString();
    long start = System.nanoTime();
    Path dir = TempFolders.create("scaffold-template-test-");
    try {
      progress.step("render " + (example == null ? "with " + label : example.getFileName()));
      AnswerInputs inputs = example == null
          ? new AnswerInputs(TemplateLinter.placeholders(t.spec().questions()), Map.of(), null, Map.of())
          : new AnswerInputs(Map.of(), AnswersFile.readInputs(example), example.toString(), Map.of());
      Path project = dir.resolve(t.spec().name());
      NewResult made;
      try {
        NewRequest request = new NewRequest(ref, project, version, false, inputs, null, true, false, false, false, trust);
        made = new ProjectGenerator(resolver, git, null, Progress.NONE, dir, environment).generate(request);
      } catch (InputException | OperationException e) {
        return new Outcome(label, Outcome.Status.RENDER_FAILED, e.getMessage(), List.of(), millis(start));
      }
      if (!build) {
        return new Outcome(label, Outcome.Status.PASSED, made.plan().files().size() + " files", List.of(), millis(start));
      }
      List<String> argv = argv(t, made);
      progress.step("run " + String.join(" ", argv) + " in the project from " + (example == null ? label : example.getFileName()));
      Deque<String> tail = new ArrayDeque<>();
      Progress collect = new Progress() {
        @Override
        public void output(String line) {
          if (tail.size() == TAIL) {
            tail.removeFirst();
          }
          tail.addLast(line);
          if (showOutput) {
            progress.output(line);
          }
        }
      };
      try {
        new TaskRunner(collect, environment).run(List.of(new PlannedTask(argv, null)), made.destination());
      } catch (OperationException | InputException e) {
        String why = e.getMessage().replace("; nothing was written", "").replaceFirst("^task ", "");
        return new Outcome(label, Outcome.Status.BUILD_FAILED, why, List.copyOf(tail), millis(start));
      }
      return new Outcome(label, Outcome.Status.PASSED, String.join(" ", argv) + " passed", List.of(), millis(start));
    } finally {
      TempFolders.delete(dir);
    }
  }

  /** The test command's words, each rendered with the example's answers as every value of scaffold.yml is. */
  private static List<String> argv(ResolvedTemplate t, NewResult made) {
    TemplateEngine engine = new TemplateEngine(t.tree(), t.spec().syntax());
    Map<String, Object> model = new java.util.HashMap<>(TemplateContext.of(t));
    model.putAll(made.answers().values());
    List<String> argv = new ArrayList<>();
    for (String word : t.spec().testCommand()) {
      argv.add(engine.expand(word, "scaffold.yml test_command", model));
    }
    return argv;
  }

  private static long millis(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
