package dev.scaffold.cli;

import dev.scaffold.Progress;
import dev.scaffold.jgit.JGitClient;
import dev.scaffold.jgit.JGitTemplateFetcher;
import dev.scaffold.publish.GitClient;
import dev.scaffold.template.BundledTemplates;
import dev.scaffold.template.TemplateResolver;

/** The composition root: builds the core's collaborators with their real adapters. */
final class Services {

  private final CliContext ctx;
  private final Progress progress;

  Services(CliContext ctx, Progress progress) {
    this.ctx = ctx;
    this.progress = progress;
  }

  BundledTemplates catalog() {
    return BundledTemplates.fromEnvironment(ctx.env());
  }

  TemplateResolver resolver() {
    return new TemplateResolver(catalog(), new JGitTemplateFetcher(), ctx.workingDir(), progress);
  }

  /** What runs after the local commit; null while no publisher is configured. */
  dev.scaffold.project.ProjectPublisher publisher(boolean disabled, String githubUrl) {
    return null;
  }

  GitClient git() {
    return new JGitClient();
  }

  /** The update and diff use cases, wired to JGit; {@code --pr} has no publisher yet. */
  dev.scaffold.update.ProjectUpdater updater() {
    return new dev.scaffold.update.ProjectUpdater(
        resolver(), new JGitTemplateFetcher(), git(), new dev.scaffold.jgit.JGitTextMerge(), null, progress);
  }

  dev.scaffold.update.DriftFinder driftFinder() {
    return new dev.scaffold.update.DriftFinder(
        resolver(), new JGitTemplateFetcher(), git(), new dev.scaffold.jgit.JGitTextMerge(), progress);
  }
}
