package dev.scaffold.update;

import dev.scaffold.FileTrees;
import dev.scaffold.InputException;
import dev.scaffold.OperationException;
import dev.scaffold.Progress;
import dev.scaffold.ScaffoldVersion;
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
            "`_template` names " + source + ", which no longer exists; point `_template` at the template's new place");
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

  /** Renders a version with its answers into {@code into}, which must not exist yet or be empty. */
  static RenderedTree render(ResolvedTemplate t, Answers answers, Path into) {
    TemplateEngine engine = engine(t);
    Map<String, Object> model = model(t, answers);
    RenderPlan plan = new Renderer(engine).plan(t.tree(), t.spec().subdirectory(), t.spec().exclude(), model);
    new TreeWriter(engine).write(plan, model, into);
    Map<String, String> sources = new LinkedHashMap<>();
    for (PlannedEntry e : plan.files()) {
      sources.put(e.path(), e.sourceName());
    }
    return new RenderedTree(into, sources);
  }

  static TemplateEngine engine(ResolvedTemplate t) {
    return new TemplateEngine(t.tree(), t.spec().syntax());
  }

  static Path tempDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new OperationException("cannot create a temporary folder: " + e.getMessage(), e);
    }
  }

  static void deleteQuietly(Path p) {
    if (p != null) {
      FileTrees.deleteQuietly(p);
    }
  }
}
