package dev.scaffold.update;

import dev.scaffold.InputException;
import dev.scaffold.Progress;
import dev.scaffold.ScaffoldVersion;
import dev.scaffold.TempFolders;
import dev.scaffold.answers.AnswerInputs;
import dev.scaffold.answers.Answers;
import dev.scaffold.answers.AnswersFile;
import dev.scaffold.answers.Prompter;
import dev.scaffold.answers.Questionnaire;
import dev.scaffold.engine.TemplateEngine;
import dev.scaffold.project.TemplateContext;
import dev.scaffold.render.PlannedEntry;
import dev.scaffold.render.RenderPlan;
import dev.scaffold.render.Renderer;
import dev.scaffold.render.TreeWriter;
import dev.scaffold.template.GitSources;
import dev.scaffold.template.ResolvedTemplate;
import dev.scaffold.template.TemplateFetcher;
import dev.scaffold.template.TemplateResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The template a project records, seen as a series of versions: where it lives, which versions it
 * has, and a version rendered with given answers into a folder. Shared by update, check and diff.
 */
final class TemplateVersionSource {

  /** How the recorded {@code _template} can be versioned. */
  enum Kind {
    /** a git repository: versions are its tags */
    GIT,
    /** a template shipped in scaffold: its version is scaffold's */
    BUNDLED,
    /** a plain folder, or a git repository that had no version tags: no versions at all */
    FOLDER
  }

  private final TemplateResolver resolver;
  private final TemplateFetcher fetcher;
  private final Progress progress;

  TemplateVersionSource(TemplateResolver resolver, TemplateFetcher fetcher, Progress progress) {
    this.resolver = resolver;
    this.fetcher = fetcher;
    this.progress = progress;
  }

  Kind kind(AnswersFile.Recorded recorded, Path project) {
    String source = recorded.template();
    if (GitSources.looksLikeGit(source)) {
      return recorded.version() == null ? Kind.FOLDER : Kind.GIT;
    }
    Path p = Path.of(source);
    if (p.isAbsolute()) {
      if (!Files.isDirectory(p)) {
        throw InputException.at(project.resolve(AnswersFile.NAME).toString(),
            "`_template` names " + source + ", which no longer exists; point `_template` at the template's new place, "
                + "or pass --template SOURCE to name it for this run");
      }
      return fetcher.isRepository(p) && recorded.version() != null ? Kind.GIT : Kind.FOLDER;
    }
    return Kind.BUNDLED;
  }

  /** The recorded template's versions; for a bundled one, this scaffold's version only. */
  Versions versions(AnswersFile.Recorded recorded, Kind kind) {
    if (kind == Kind.BUNDLED) {
      return Versions.of(List.of(ScaffoldVersion.current()));
    }
    Versions v = Versions.of(fetcher.tags(GitSources.expand(recorded.template())));
    for (String t : v.ignored()) {
      progress.detail("ignoring tag `" + t + "`: not a version");
    }
    return v;
  }

  /** Explains why a template without versions cannot be checked or updated. */
  static InputException noVersions(AnswersFile.Recorded recorded, Path project) {
    return InputException.at(project.resolve(AnswersFile.NAME).toString(),
        "the template " + recorded.template() + " has no recorded version: it was a plain folder (or a git repository "
            + "without version tags) when the project was made. Updates need the old version to merge from: make the "
            + "template a git repository, tag its versions (v1.0.0, ...), and record the tag the project was made from "
            + "as `_version`");
  }

  ResolvedTemplate resolve(String source, String tag) {
    return resolver.resolve(source, tag, true);
  }

  /** The answers for a render, as {@code new} collects them, with the recorded answers as a source. */
  static Answers answers(ResolvedTemplate t, AnswerInputs inputs, Prompter prompter, boolean useDefaults, Progress progress) {
    Questionnaire q = new Questionnaire(t.spec(), engine(t), TemplateContext.of(t), progress);
    AnswerInputs current = inputs;
    // a recorded answer the new version no longer accepts (a changed question) is asked again,
    // or takes the default: the question changed, so the old answer is no guide
    for (int attempt = 0; ; attempt++) {
      try {
        return q.collect(current, prompter, useDefaults);
      } catch (InputException e) {
        List<String> stale = new ArrayList<>();
        for (var p : e.problems()) {
          if (p.where() != null && p.where().startsWith("recorded answer ")) {
            stale.add(p.where().substring("recorded answer ".length()));
            progress.warn("recorded answer `" + p.where().substring("recorded answer ".length()) + "` no longer fits: "
                + p.what() + "; " + (prompter != null ? "asking again" : "taking the default"));
          }
        }
        if (stale.isEmpty() || attempt > 3) {
          throw e;
        }
        Map<String, Object> recorded = new LinkedHashMap<>(current.recorded());
        stale.forEach(recorded::remove);
        current = current.withRecorded(recorded);
      }
    }
  }

  static Map<String, Object> model(ResolvedTemplate t, Answers answers) {
    Map<String, Object> m = new LinkedHashMap<>(TemplateContext.of(t));
    m.putAll(answers.values());
    return m;
  }

  /**
   * Renders a version with its answers: {@code .ftl} files into {@code into} (which must not exist
   * yet or be empty); files copied byte for byte stay where the template has them.
   */
  static RenderedTree render(ResolvedTemplate t, Answers answers, Path into) {
    TemplateEngine engine = engine(t);
    Map<String, Object> model = model(t, answers);
    RenderPlan plan = new Renderer(engine).plan(t.tree(), t.spec().subdirectory(), exclude(t, engine, model), model,
        t.treeModes());
    return write(engine, plan, model, into, java.util.Set.of());
  }

  /**
   * Two renders for a merge, and the paths known to come out the same in both without rendering
   * them: the same {@code .ftl} source, byte for byte, rendered to the same path with the same
   * answers, whose text reads nothing that differs between the versions (no {@code _template}, no
   * includes or imports, no dynamic evaluation). Those are most files of a typical update, and
   * rendering is most of its cost.
   */
  record Pair(RenderedTree base, RenderedTree theirs, java.util.Set<String> same) {}

  /** ASCII words only: {@link StoredVersions} looks for them in the undecoded bytes. */
  static final List<String> CONTEXT_READERS = List.of(
      "_template", "include", "import", ".vars", ".data_model", ".globals", ".main", ".namespace", ".locals",
      "eval", "interpret");

  static Pair renderPair(ResolvedTemplate oldT, Answers oldAnswers, ResolvedTemplate newT, Answers newAnswers, Path work) {
    TemplateEngine oldEngine = engine(oldT);
    TemplateEngine newEngine = engine(newT);
    Map<String, Object> oldModel = model(oldT, oldAnswers);
    Map<String, Object> newModel = model(newT, newAnswers);
    RenderPlan oldPlan = new Renderer(oldEngine).plan(oldT.tree(), oldT.spec().subdirectory(),
        exclude(oldT, oldEngine, oldModel), oldModel, oldT.treeModes());
    RenderPlan newPlan = new Renderer(newEngine).plan(newT.tree(), newT.spec().subdirectory(),
        exclude(newT, newEngine, newModel), newModel, newT.treeModes());
    java.util.Set<String> same = new java.util.HashSet<>();
    if (oldAnswers.values().equals(newAnswers.values()) && oldT.spec().syntax() == newT.spec().syntax()) {
      Map<String, PlannedEntry> olds = new java.util.HashMap<>();
      oldPlan.files().forEach(e -> olds.put(e.path(), e));
      for (PlannedEntry e : newPlan.files()) {
        PlannedEntry o = olds.get(e.path());
        if (e.kind() == PlannedEntry.Kind.RENDER && o != null && o.kind() == PlannedEntry.Kind.RENDER
            && o.sourceName().equals(e.sourceName()) && sameContextFreeSource(o.source(), e.source())) {
          same.add(e.path());
        }
      }
    }
    RenderedTree base = write(oldEngine, oldPlan, oldModel, work.resolve("old"), same);
    RenderedTree theirs = write(newEngine, newPlan, newModel, work.resolve("new"), same);
    return new Pair(base, theirs, same);
  }

  private static boolean sameContextFreeSource(Path a, Path b) {
    try {
      if (Files.size(a) != Files.size(b) || Files.mismatch(a, b) != -1) {
        return false;
      }
      String text = Files.readString(a, java.nio.charset.StandardCharsets.UTF_8);
      return CONTEXT_READERS.stream().noneMatch(text::contains);
    } catch (IOException | RuntimeException e) {
      return false; // when in doubt, render
    }
  }

  /** Writes the rendered files of a plan but those in {@code skip}; copied files stay in the template. */
  private static RenderedTree write(TemplateEngine engine, RenderPlan plan, Map<String, Object> model, Path into,
      java.util.Set<String> skip) {
    List<PlannedEntry> rendered = plan.entries().stream()
        .filter(e -> e.kind() == PlannedEntry.Kind.DIRECTORY || e.kind() == PlannedEntry.Kind.RENDER && !skip.contains(e.path()))
        .toList();
    new TreeWriter(engine).write(new RenderPlan(rendered), model, into);
    LinkedHashMap<String, RenderedTree.Content> files = new LinkedHashMap<>();
    LinkedHashMap<String, String> sources = new LinkedHashMap<>();
    for (PlannedEntry e : plan.files()) {
      // a copied file is read in the template, where a recorded mode (the plan's, for a bundled
      // template) wins over what its file system says; rendered ones got it when written
      Boolean recorded = e.permissions() == null ? null : e.permissions().contains(PosixFilePermission.OWNER_EXECUTE);
      files.put(e.path(), skip.contains(e.path()) ? null
          : e.kind() == PlannedEntry.Kind.COPY ? new RenderedTree.FileContent(e.source(), recorded)
          : new RenderedTree.FileContent(into.resolve(e.path())));
      sources.put(e.path(), e.sourceName());
    }
    return RenderedTree.of(files, sources);
  }

  /** {@code message_after_update} of {@code t}, rendered with {@code answers} as its files are; null when it has none. */
  static String messageAfterUpdate(ResolvedTemplate t, Answers answers) {
    String text = t.spec().messages().afterUpdate();
    if (text == null) {
      return null;
    }
    TemplateEngine engine = engine(t);
    Map<String, Object> model = new Questionnaire(t.spec(), engine, TemplateContext.of(t), Progress.NONE).model(answers.values());
    return dev.scaffold.project.TemplateMessage.render(engine, text, dev.scaffold.project.TemplateMessage.AFTER_UPDATE, model);
  }

  /** A version's {@code exclude}, rendered with its answers. */
  static List<String> exclude(ResolvedTemplate t, TemplateEngine engine, Map<String, ?> model) {
    return dev.scaffold.render.TemplatedGlobs.exclude(t.spec(), engine, model);
  }

  /** A version's {@code skip_if_exists}, rendered with its answers. */
  static List<String> skipIfExists(ResolvedTemplate t, Answers answers) {
    return dev.scaffold.render.TemplatedGlobs.skipIfExists(t.spec(), engine(t), model(t, answers));
  }

  static TemplateEngine engine(ResolvedTemplate t) {
    return new TemplateEngine(t.tree(), t.spec().syntax());
  }

  static Path tempDir(String prefix) {
    return TempFolders.create(prefix);
  }

  static void deleteQuietly(Path p) {
    TempFolders.delete(p);
  }
}
