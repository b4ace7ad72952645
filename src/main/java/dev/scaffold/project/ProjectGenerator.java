package dev.scaffold.project;

import dev.scaffold.AbortedException;
import dev.scaffold.ConfinedPaths;
import dev.scaffold.FileTrees;
import dev.scaffold.InputException;
import dev.scaffold.OperationException;
import dev.scaffold.Problem;
import dev.scaffold.Progress;
import dev.scaffold.answers.AnswerCheck;
import dev.scaffold.answers.Answers;
import dev.scaffold.answers.AnswersFile;
import dev.scaffold.answers.Questionnaire;
import dev.scaffold.engine.TemplateEngine;
import dev.scaffold.publish.GitClient;
import dev.scaffold.publish.GitRepo;
import dev.scaffold.render.Glob;
import dev.scaffold.render.TemplatedGlobs;
import dev.scaffold.render.RenderPlan;
import dev.scaffold.render.Renderer;
import dev.scaffold.render.TreeWriter;
import dev.scaffold.template.ResolvedTemplate;
import dev.scaffold.template.TemplateOrigin;
import dev.scaffold.template.TemplateResolver;
import dev.scaffold.template.TemplateSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code scaffold new} use case: template → answers → render plan → staged files → tasks →
 * git → move into place → publish. Nothing reaches the destination unless every step before the
 * move succeeded.
 */
public final class ProjectGenerator {

  public static final String DEFAULT_BRANCH = "main";

  private final TemplateResolver resolver;
  private final GitClient git;
  private final ProjectPublisher publisher;
  private final Progress progress;
  private final Path workingDir;
  private final Map<String, String> environment;

  /**
   * @param publisher runs after the local commit; null for none
   * @param workingDir where a relative destination from the template is placed
   */
  public ProjectGenerator(TemplateResolver resolver, GitClient git, ProjectPublisher publisher, Progress progress, Path workingDir) {
    this(resolver, git, publisher, progress, workingDir, System.getenv());
  }

  /** @param environment the command's environment, which tasks get less the GitHub token */
  public ProjectGenerator(TemplateResolver resolver, GitClient git, ProjectPublisher publisher, Progress progress,
      Path workingDir, Map<String, String> environment) {
    this.environment = environment;
    this.workingDir = workingDir;
    this.resolver = resolver;
    this.git = git;
    this.publisher = publisher;
    this.progress = progress;
  }

  public NewResult generate(NewRequest request) {
    try (ResolvedTemplate template = resolver.resolve(request.template(), request.version(), request.prerelease())) {
      Timing.mark("template resolved, scaffold.yml read");
      return generate(request, template);
    }
  }

  private NewResult generate(NewRequest request, ResolvedTemplate template) {
    TemplateSpec spec = template.spec();
    TemplateEngine engine = new TemplateEngine(template.tree(), spec.syntax());
    Map<String, Object> context = TemplateContext.of(template);
    Questionnaire questionnaire = new Questionnaire(spec, engine, context, progress);
    Answers answers = questionnaire.collect(request.answers(), request.prompter(), request.useDefaults());
    Map<String, Object> model = questionnaire.model(answers.values());
    Timing.mark("engine configured, answers collected");

    Path destination = destination(request, spec, engine, model, workingDir);
    if (!request.dryRun()) {
      String recovered = Staging.recoverInterrupted(destination);
      if (recovered != null) {
        progress.warn(recovered);
      }
    }
    if (publisher != null && !request.noGit()
        && ExistingProject.isSame(destination, template, answers, git, () -> sharedSource(template, destination))) {
      NewResult resumed = resumePublishing(request, template, engine, model, answers, destination);
      if (resumed != null) {
        return resumed;
      }
    }
    checkDestination(destination, request.force());

    progress.step("plan " + spec.name() + " " + template.versionLabel());
    // used only by updates and --force: a broken one is refused now
    List<String> skipIfExists = TemplatedGlobs.skipIfExists(spec, engine, model);
    RenderPlan plan = new Renderer(engine).plan(template.tree(), spec.subdirectory(),
        TemplatedGlobs.exclude(spec, engine, model), model, template.treeModes());
    Timing.mark("planned " + plan.entries().size() + " entries");
    List<PlannedTask> tasks = TaskRunner.plan(spec.tasks(), engine, model);
    if (!tasks.isEmpty() && !template.origin().isLocal() && !request.trust()) {
      List<Problem> problems = new ArrayList<>();
      for (PlannedTask t : tasks) {
        problems.add(Problem.at("task", t.display()));
      }
      throw new InputException(
          "the template " + template.origin().source() + " comes from elsewhere and wants to run "
              + tasks.size() + " command(s); read them below and pass --trust to allow them", problems);
    }
    String branch = branch(spec, engine, model);
    // rendered before anything is written: a broken message is the template's error, not a half-done run
    String nextSteps = TemplateMessage.render(engine, spec.messages().afterNew(), TemplateMessage.AFTER_NEW, model);
    boolean existingRepo = !request.noGit() && git.isRepository(destination);
    PublishContext publishContext = new PublishContext(template, engine, model, answers, branch, null, request.dryRun(), destination,
        filePaths(plan));
    List<String> publishSteps = publisher == null ? List.of() : publisher.prepare(publishContext);
    if (!publishSteps.isEmpty() && request.noGit()) {
      throw new InputException("the template provisions a GitHub repository, which needs git: drop --no-git or add --no-github");
    }

    List<String> derived = derived(spec, engine, model); // rendered in every mode, so a broken one fails alike
    if (request.prompter() != null && !request.dryRun()) {
      List<String> summary = summary(spec, answers, plan, tasks, destination, branch, request.noGit(), publishSteps);
      summary.addAll(answers.recordable().size(), derived);
      if (!request.prompter().confirm("Create " + destination + "?", summary)) {
        throw new AbortedException("stopped before writing anything");
      }
    }
    if (request.dryRun()) {
      new TreeWriter(engine).check(plan, model);
      return new NewResult(destination, spec.name(), template.origin(), template.versionLabel(), answers, plan, tasks,
          request.noGit() ? null : branch, null, Map.of("steps", String.join("\n", publishSteps)), true);
    }

    String commit = null;
    boolean existed;
    boolean movedWhole;
    try (Staging staging = Staging.beside(destination)) {
      // claimed: no other run writes here now, so the check made before the questions is made again
      checkDestination(destination, request.force());
      existed = Files.exists(destination, LinkOption.NOFOLLOW_LINKS);
      movedWhole = !existingRepo && (!existed || emptyFolder(destination));
      progress.step("render " + plan.files().size() + " files");
      new TreeWriter(engine).write(plan, model, staging.folder(), progress);
      Timing.mark("files written");
      // a project that goes to GitHub pushes its answers file: no path of this machine in it
      writeAnswers(staging.folder(), template, answers,
          publishSteps.isEmpty() ? template.origin().source() : sharedSource(template, destination));
      Timing.mark("answers file written");
      new TaskRunner(progress, environment).run(tasks, staging.folder());
      String message = "Initial project from " + spec.name() + " " + template.versionLabel();
      if (!request.noGit() && !existingRepo) {
        progress.step("git init and commit on " + branch);
        if (request.force()) {
          keptInCommit(staging.folder(), destination, new Glob(spec.skipIfExists()));
        }
        try (GitRepo repo = git.init(staging.folder(), branch)) {
          repo.recordModes(executables(plan));
          commit = repo.commitAll(message);
        }
        Timing.mark("git init and commit");
      }
      staging.moveIntoPlace(request.force(), new Glob(skipIfExists, "skip_if_exists"));
      Timing.mark("moved into place");
      if (existingRepo) {
        progress.step("git commit in the existing repository");
        try (GitRepo repo = git.open(destination)) {
          repo.recordModes(executables(plan));
          commit = repo.commitAll(message);
          branch = repo.branch();
        }
      }
    }
    Map<String, String> published = Map.of();
    if (!publishSteps.isEmpty()) {
      ProjectPublisher.Published p;
      try {
        p = publisher.publish(publishContext.withCommit(commit), destination);
      } catch (PublishRefused refused) {
        throw undoMove(destination, movedWhole, existed, refused.reason());
      }
      published = p.links();
      branch = p.branch() != null ? p.branch() : branch;
      commit = p.commit() != null ? p.commit() : commit;
    }
    return new NewResult(destination, spec.name(), template.origin(), template.versionLabel(), answers, plan, tasks,
        request.noGit() ? null : branch, commit, published, false, nextSteps, false);
  }

  private static boolean emptyFolder(Path dir) {
    try {
      return FileTrees.isEmptyDirectory(dir);
    } catch (IOException e) {
      return false; // unreadable: treated as holding files, so nothing is ever removed from it
    }
  }

  /**
   * After a refusal that created nothing on GitHub: a project that came in whole (the destination was
   * absent or an empty folder) is taken away again, so the destination is as it was; one merged into
   * a folder with files stays, committed, for the run again to resume.
   */
  private static InputException undoMove(Path destination, boolean movedWhole, boolean existed, InputException reason) {
    if (movedWhole) {
      try {
        FileTrees.deleteRecursively(destination);
        if (existed) {
          Files.createDirectory(destination); // the empty folder the user had made
        }
        return new InputException(reason.getMessage() + ", nor in " + destination, reason.problems(), reason);
      } catch (IOException | RuntimeException e) {
        reason.addSuppressed(e);
      }
    }
    return new InputException(reason.getMessage() + "; the project is committed in " + destination, reason.problems(), reason);
  }

  /**
   * The destination already holds this project, committed (an earlier run failed while publishing):
   * publish again, which finishes what is missing. Null when there is nothing to publish.
   */
  private NewResult resumePublishing(NewRequest request, ResolvedTemplate template, TemplateEngine engine,
      Map<String, Object> model, Answers answers, Path destination) {
    TemplateSpec spec = template.spec();
    String branch = branch(spec, engine, model);
    RenderPlan plan = new Renderer(engine).plan(template.tree(), spec.subdirectory(),
        TemplatedGlobs.exclude(spec, engine, model), model, template.treeModes());
    PublishContext context = new PublishContext(template, engine, model, answers, branch, null, false, destination,
        filePaths(plan));
    List<String> steps = publisher.prepare(context);
    if (steps.isEmpty()) {
      return null;
    }
    List<PlannedTask> tasks = TaskRunner.plan(spec.tasks(), engine, model);
    if (request.dryRun()) {
      return new NewResult(destination, spec.name(), template.origin(), template.versionLabel(), answers, plan, tasks,
          branch, null, Map.of("steps", String.join("\n", steps)), true);
    }
    String message = TemplateMessage.render(engine, spec.messages().afterNew(), TemplateMessage.AFTER_NEW, model);
    progress.step("resuming GitHub provisioning for " + destination);
    ProjectPublisher.Published published;
    try {
      published = publisher.publish(context, destination);
    } catch (PublishRefused refused) {
      throw undoMove(destination, false, true, refused.reason()); // the project was there before this run
    }
    return new NewResult(destination, spec.name(), template.origin(), template.versionLabel(), answers, plan, tasks,
        published.branch() != null ? published.branch() : branch, published.commit(), published.links(), false, message, true);
  }

  private static List<String> filePaths(RenderPlan plan) {
    return plan.files().stream().map(dev.scaffold.render.PlannedEntry::path).toList();
  }

  private static Path destination(NewRequest request, TemplateSpec spec, TemplateEngine engine, Map<String, Object> model, Path workingDir) {
    if (request.destination() != null) {
      return request.destination().toAbsolutePath().normalize();
    }
    String suggested = null;
    if (spec.destination() != null) {
      String d = engine.expand(spec.destination(), "scaffold.yml destination", model).strip();
      suggested = d.isEmpty() ? null : d;
    }
    if (request.prompter() != null) {
      Object asked = request.prompter().askDestination(suggested, raw -> destinationCheck(raw, request.force(), workingDir));
      if (asked instanceof Path p) {
        return p;
      }
    }
    if (suggested != null) {
      return workingDir.resolve(suggested).toAbsolutePath().normalize();
    }
    throw new InputException("no destination given: name the folder to create, as in `scaffold new TEMPLATE DEST`");
  }

  /** Lets a prompter refuse an unusable folder and ask again, instead of failing after all the questions. */
  /** Each planned file's mode, for a repository that does not read the executable bit from files. */
  private static Map<String, Boolean> executables(RenderPlan plan) {
    Map<String, Boolean> out = new java.util.LinkedHashMap<>();
    for (dev.scaffold.render.PlannedEntry e : plan.files()) {
      if (e.permissions() != null) {
        out.put(e.path(), e.permissions().contains(java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE));
      }
    }
    return out;
  }

  /**
   * With {@code --force}, a {@code skip_if_exists} file the destination already holds stays as it
   * is ({@link Staging#moveIntoPlace}); the first commit records that file, not the template's,
   * so the project starts clean. Only the staging folder is written: the destination stays as it
   * was until everything moves in at once.
   */
  private static void keptInCommit(Path staged, Path destination, Glob keep) {
    if (keep.isEmpty() || !Files.isDirectory(destination, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (var files = Files.walk(staged)) {
      for (Path f : files.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).toList()) {
        String rel = staged.relativize(f).toString().replace(java.io.File.separatorChar, '/');
        Path theirs = destination.resolve(rel);
        if (keep.matches(rel) && !rel.startsWith(".git/") && Files.isRegularFile(theirs, java.nio.file.LinkOption.NOFOLLOW_LINKS)
            && noLinkBetween(destination, theirs)) {
          Files.copy(theirs, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    } catch (IOException e) {
      throw new OperationException("cannot read the files --force keeps in " + destination + ": " + e.getMessage(), e);
    }
  }

  /** Whether every folder from {@code root} down to {@code file}'s is a real one (no link to read through). */
  private static boolean noLinkBetween(Path root, Path file) {
    for (Path d = file.getParent(); d != null && d.startsWith(root) && !d.equals(root); d = d.getParent()) {
      if (Files.isSymbolicLink(d)) {
        return false;
      }
    }
    return true;
  }

  private static AnswerCheck.Result destinationCheck(Object raw, boolean force, Path workingDir) {
    String text = raw == null ? "" : raw.toString().strip();
    if (text.isEmpty()) {
      return new AnswerCheck.Result(null, "name the folder to create");
    }
    try {
      Path p = workingDir.resolve(text).toAbsolutePath().normalize();
      checkDestination(p, force);
      return new AnswerCheck.Result(p, null);
    } catch (java.nio.file.InvalidPathException e) {
      return new AnswerCheck.Result(null, "not a valid path: " + e.getReason());
    } catch (InputException e) {
      return new AnswerCheck.Result(null, e.getMessage());
    }
  }

  private static void checkDestination(Path destination, boolean force) {
    if (Files.isSymbolicLink(destination)) {
      // refused rather than followed: a folder scaffold creates is never where a link points
      throw InputException.at(destination.toString(), "is a symbolic link; name the folder itself");
    }
    if (Files.exists(destination) && !Files.isDirectory(destination)) {
      throw InputException.at(destination.toString(), "exists and is not a folder");
    }
    try {
      if (!force && !FileTrees.isEmptyDirectory(destination)) {
        throw InputException.at(destination.toString(), "is not empty; use --force to write into it anyway");
      }
    } catch (IOException e) {
      throw new OperationException("cannot read " + destination + ": " + e.getMessage(), e);
    }
  }

  private static String branch(TemplateSpec spec, TemplateEngine engine, Map<String, Object> model) {
    Object b = spec.github().get("default_branch");
    if (b instanceof String s && !s.isBlank()) {
      String v = engine.expand(s, "scaffold.yml github.default_branch", model).strip();
      if (!v.isEmpty()) {
        return v;
      }
    }
    return DEFAULT_BRANCH;
  }

  /** How a project provisioned on GitHub records its template (a local one by its remote or a relative path). */
  private String sharedSource(ResolvedTemplate t, Path destination) {
    return resolver.sharedSource(t.origin(), destination);
  }

  /** @param source the {@code _template} to record */
  private static void writeAnswers(Path dir, ResolvedTemplate t, Answers answers, String source) {
    TemplateOrigin o = t.origin();
    String file = t.spec().answersFile();
    String text = AnswersFile.render(new AnswersFile.Recorded(source, o.version(), o.commit(), answers.recordable()),
        file);
    try {
      new ConfinedPaths(dir).write(file, text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new OperationException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** A choice answer as the user picked it: by its label, not its stored value. */
  private static String shown(TemplateSpec spec, String name, Object value) {
    var q = spec.question(name);
    if (q.isEmpty() || q.get().choices().isEmpty()) {
      return String.valueOf(value);
    }
    List<?> values = value instanceof List<?> l ? l : List.of(value);
    List<String> labels = new ArrayList<>();
    for (Object v : values) {
      labels.add(q.get().choices().stream().filter(c -> c.value().equals(v)).map(dev.scaffold.template.Choice::label)
          .findFirst().orElse(String.valueOf(v)));
    }
    return String.join(", ", labels);
  }

  /** The template's {@code summary:} entries, rendered; one that renders empty is left out. */
  static List<String> derived(TemplateSpec spec, TemplateEngine engine, Map<String, Object> model) {
    List<String> lines = new ArrayList<>();
    spec.summary().forEach((label, text) -> {
      String value = engine.expand(text, "scaffold.yml summary `" + label + "`", model).strip();
      if (!value.isEmpty()) {
        lines.add(label + ": " + value);
      }
    });
    return lines;
  }

  private static List<String> summary(TemplateSpec spec, Answers answers, RenderPlan plan, List<PlannedTask> tasks,
      Path destination, String branch, boolean noGit, List<String> publishSteps) {
    List<String> lines = new ArrayList<>();
    answers.recordable().forEach((k, v) -> lines.add(k + ": " + shown(spec, k, v)));
    lines.add("write " + plan.files().size() + " files to " + destination);
    tasks.forEach(t -> lines.add("run " + t.display()));
    if (!noGit) {
      lines.add("git init and commit on " + branch);
    }
    lines.addAll(publishSteps);
    return lines;
  }
}
