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
}
