package dev.scaffold.cli;

import dev.scaffold.Progress;
import dev.scaffold.github.GitHubRepoHost;
import dev.scaffold.jgit.JGitPusher;
import dev.scaffold.project.ProjectPublisher;
import dev.scaffold.publish.Provisioner;
import dev.scaffold.publish.RetryPolicy;
import java.time.Duration;
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
    return new TemplateResolver(catalog(), dev.scaffold.jgit.LazyJGit.fetcher(), ctx.workingDir(), progress);
  }

  /**
   * What runs after the local commit: GitHub provisioning, unless {@code disabled}. The API URL is
   * {@code githubUrl}, else {@code SCAFFOLD_GITHUB_URL}, else api.github.com; the token comes from
   * {@code GITHUB_TOKEN} or {@code GH_TOKEN}; {@code SCAFFOLD_GITHUB_RETRY_SECONDS} bounds the time
   * spent retrying (default 300).
   */
  ProjectPublisher publisher(boolean disabled, String githubUrl) {
    if (disabled) {
      return null;
    }
    String url = githubUrl != null && !githubUrl.isBlank() ? githubUrl
        : ctx.env().getOrDefault("SCAFFOLD_GITHUB_URL", GitHubRepoHost.DEFAULT_URL);
    RetryPolicy retry = RetryPolicy.standard();
    String budget = ctx.env().get("SCAFFOLD_GITHUB_RETRY_SECONDS");
    if (budget != null && budget.matches("\\d+")) {
      retry = retry.withBudget(Duration.ofSeconds(Long.parseLong(budget)));
    }
    return new Provisioner(Provisioner.tokenFrom(ctx.env()), token -> GitHubRepoHost.connect(url, token),
        new JGitPusher(), retry, progress);
  }

  GitClient git() {
    return dev.scaffold.jgit.LazyJGit.client();
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
