package dev.scaffold.project;

import dev.scaffold.answers.Answers;
import dev.scaffold.engine.TemplateEngine;
import dev.scaffold.template.ResolvedTemplate;
import java.util.Map;

/**
 * What a {@link ProjectPublisher} needs about the run.
 *
 * @param model the variables the template was rendered with, for evaluating its settings
 * @param branch the local branch holding the project
 * @param commit the local commit, or null before it exists
 * @param dryRun only the plan is wanted: preconditions the real run needs become notes in it
 * @param destination the project's folder (it may not exist yet), or null when unknown
 * @param paths the project's files as planned, relative and {@code /}-separated (what a push will carry)
 */
public record PublishContext(
    ResolvedTemplate template, TemplateEngine engine, Map<String, Object> model, Answers answers, String branch, String commit,
    boolean dryRun, java.nio.file.Path destination, java.util.List<String> paths) {

  public PublishContext {
    paths = paths == null ? java.util.List.of() : java.util.List.copyOf(paths);
  }

  public PublishContext(ResolvedTemplate template, TemplateEngine engine, Map<String, Object> model, Answers answers,
      String branch, String commit, boolean dryRun) {
    this(template, engine, model, answers, branch, commit, dryRun, null, null);
  }

  public PublishContext(ResolvedTemplate template, TemplateEngine engine, Map<String, Object> model, Answers answers,
      String branch, String commit, boolean dryRun, java.nio.file.Path destination) {
    this(template, engine, model, answers, branch, commit, dryRun, destination, null);
  }

  public PublishContext withCommit(String id) {
    return new PublishContext(template, engine, model, answers, branch, id, dryRun, destination, paths);
  }
}
