package dev.scaffold.cli;

import dev.scaffold.InputException;
import dev.scaffold.Progress;
import dev.scaffold.jgit.JGitWorkspace;
import dev.scaffold.update.ChangePublisher;
import dev.scaffold.update.FleetHost;
import dev.scaffold.update.FleetListener;
import dev.scaffold.update.FleetUpdater;
import dev.scaffold.update.PullRequestPublisher;
import dev.scaffold.update.RepoSource;
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

  /** The update use case, wired to JGit; with {@code publish}, {@code --pr} pushes and opens pull requests on GitHub. */
  dev.scaffold.update.ProjectUpdater updater(String githubUrl, boolean publish) {
    ChangePublisher publisher = publish ? new PullRequestPublisher(fleetHost(githubUrl),
        new JGitWorkspace(token()), ctx.env(), progress) : null;
    return updater(progress, publisher);
  }

  /** The update, check and diff use cases without publishing. */
  dev.scaffold.update.ProjectUpdater updater() {
    return updater(progress, null);
  }

  private dev.scaffold.update.ProjectUpdater updater(Progress p, ChangePublisher publisher) {
    return new dev.scaffold.update.ProjectUpdater(new TemplateResolver(catalog(), new JGitTemplateFetcher(),
        ctx.workingDir(), p), new JGitTemplateFetcher(), git(), new dev.scaffold.jgit.JGitTextMerge(), publisher, p);
  }

  /** Lists the repositories of a fleet update, asking GitHub only for {@code --org}/{@code --topic}. */
  RepoSource repoSource(String githubUrl) {
    return new RepoSource(() -> fleetHost(githubUrl));
  }

  /** The fleet form of update: one GitHub client and rate budget shared by every worker. */
  FleetUpdater fleetUpdater(String githubUrl, FleetListener listener) {
    FleetHost host = fleetHost(githubUrl);
    return new FleetUpdater(host, new JGitWorkspace(token()), p -> updater(p, null), listener);
  }

  private FleetHost fleetHost(String githubUrl) {
    throw new InputException("updating repositories on GitHub needs GitHub support, which this build of scaffold "
        + "does not have yet");
  }

  private String token() {
    return null;
  }

  dev.scaffold.update.DriftFinder driftFinder() {
    return new dev.scaffold.update.DriftFinder(
        resolver(), new JGitTemplateFetcher(), git(), new dev.scaffold.jgit.JGitTextMerge(), progress);
  }
}
