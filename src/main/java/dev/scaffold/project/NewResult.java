package dev.scaffold.project;

import dev.scaffold.answers.Answers;
import dev.scaffold.render.RenderPlan;
import dev.scaffold.template.TemplateOrigin;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code scaffold new} did, or in a dry run would do.
 *
 * @param commit the first commit's id, or null without git (or in a dry run)
 * @param branch the branch committed to (or that would be)
 * @param published links from publishing (such as {@code repository} and {@code pull_request}); empty when nothing was published
 * @param message the template's {@code message_after_new} rendered with the answers, or null
 * @param resumed nothing was rendered: the destination already held this project, and publishing it was finished
 */
public record NewResult(
    Path destination,
    String templateName,
    TemplateOrigin origin,
    String version,
    Answers answers,
    RenderPlan plan,
    List<PlannedTask> tasks,
    String branch,
    String commit,
    java.util.Map<String, String> published,
    boolean dryRun,
    String message,
    boolean resumed) {

  public NewResult(Path destination, String templateName, TemplateOrigin origin, String version, Answers answers,
      RenderPlan plan, List<PlannedTask> tasks, String branch, String commit, java.util.Map<String, String> published,
      boolean dryRun) {
    this(destination, templateName, origin, version, answers, plan, tasks, branch, commit, published, dryRun, null, false);
  }
}
