package dev.scaffold.cli;

import dev.scaffold.InputException;
import dev.scaffold.Progress;
import dev.scaffold.TokenScope;
import dev.scaffold.github.GitHubRepoHost;
import dev.scaffold.jgit.JGitPusher;
import dev.scaffold.jgit.JGitTemplateFetcher;
import dev.scaffold.jgit.JGitWorkspace;
import dev.scaffold.project.ProjectPublisher;
import dev.scaffold.publish.GitClient;
import dev.scaffold.publish.Provisioner;
import dev.scaffold.publish.RetryPolicy;
import dev.scaffold.template.BundledTemplates;
import dev.scaffold.template.TemplateFetcher;
import dev.scaffold.template.TemplateResolver;
import dev.scaffold.update.ChangePublisher;
import dev.scaffold.update.FleetHost;
import dev.scaffold.update.FleetListener;
import dev.scaffold.update.FleetUpdater;
import dev.scaffold.update.HostedFleet;
import dev.scaffold.update.PullRequestPublisher;
import dev.scaffold.update.RepoSource;
import java.time.Duration;

/** The composition root: builds the core's collaborators with their real adapters. */
final class Services {

  private final CliContext ctx;
  private final Progress progress;
  private final String githubUrl;
  private FleetHost fleetHost;
  private JGitTemplateFetcher templates;
  private String profileUrl;
  private String profileUrlSource;
  private boolean tokenRead;
  private String token;

  Services(CliContext ctx, Progress progress) {
    this(ctx, progress, null);
  }

  /** @param githubUrl the command's {@code --github-url}, or null: also where private templates are read with the token */
  Services(CliContext ctx, Progress progress, String githubUrl) {
    this.ctx = ctx;
    this.progress = progress;
    this.githubUrl = githubUrl;
  }

  /** The GitHub API URL of the settings profile in use, below --github-url and SCAFFOLD_GITHUB_URL. */
  Services withProfileUrl(String url, String source) {
    this.profileUrl = url;
    this.profileUrlSource = source;
    return this;
  }

  /** The token: GITHUB_TOKEN or GH_TOKEN, else {@code gh auth token}; read once per command. */
  private synchronized String token() {
    if (!tokenRead) {
      token = dev.scaffold.GitHubToken.resolve(ctx.env(), scope(null).apiUrl());
      tokenRead = true;
    }
    return token;
  }

  BundledTemplates catalog() {
    return BundledTemplates.fromEnvironment(ctx.env());
  }

  TemplateResolver resolver() {
    TemplateFetcher templates = dev.scaffold.jgit.LazyJGit.fetcher(token(), scope(null), progress);
    return new TemplateResolver(catalog(), templates, ctx.workingDir(), progress);
  }

  /**
   * Templates from git: the token goes along only to the GitHub's own host, for private templates.
   * One fetcher for the whole command, so that a fleet update fetches a remote template once.
   */
  private synchronized JGitTemplateFetcher templates() {
    if (templates == null) {
      templates = new JGitTemplateFetcher(token(), scope(null), progress);
    }
    return templates;
  }

  /**
   * Where the token may go: the GitHub in use, by {@code githubUrl}, else the command's {@code
   * --github-url}, else {@code SCAFFOLD_GITHUB_URL}, else {@code GITHUB_API_URL}, else api.github.com.
   */
  private TokenScope scope(String githubUrl) {
    if (githubUrl != null && !githubUrl.isBlank()) {
      return TokenScope.forApi(githubUrl, "--github-url");
    }
    if (this.githubUrl != null && !this.githubUrl.isBlank()) {
      return TokenScope.forApi(this.githubUrl, "--github-url");
    }
    String configured = ctx.env().get("SCAFFOLD_GITHUB_URL");
    if (configured != null && !configured.isBlank()) {
      return TokenScope.forApi(configured, "SCAFFOLD_GITHUB_URL");
    }
    if (profileUrl != null) {
      return TokenScope.forApi(profileUrl, profileUrlSource);
    }
    // set by GitHub Actions, also on GitHub Enterprise Server
    String actions = ctx.env().get("GITHUB_API_URL");
    return actions != null && !actions.isBlank() ? TokenScope.forApi(actions, "GITHUB_API_URL")
        : TokenScope.forApi(GitHubRepoHost.DEFAULT_URL, "the default GitHub API");
  }

  /**
   * What runs after the local commit: GitHub provisioning, unless {@code disabled}. The API URL is
   * {@code githubUrl}, else {@code SCAFFOLD_GITHUB_URL}, else api.github.com; the token comes from
   * {@code GITHUB_TOKEN} or {@code GH_TOKEN}; {@code SCAFFOLD_GITHUB_RETRY_SECONDS} bounds the time
   * spent retrying (default 300).
   */
  ProjectPublisher publisher(boolean disabled, String githubUrl) {
    return publisher(disabled, githubUrl, false);
  }

  /** As {@link #publisher(boolean, String)}; {@code adopt} lets it take over an empty repository it did not create. */
  ProjectPublisher publisher(boolean disabled, String githubUrl, boolean adopt) {
    if (disabled) {
      return null;
    }
    TokenScope scope = scope(githubUrl);
    // one client for the pre-flight and the run
    java.util.Map<String, GitHubRepoHost> clients = new java.util.HashMap<>();
    // a configured GitHub App wins over a personal token, as for fleet updates
    boolean app = ctx.env().get("SCAFFOLD_GITHUB_APP_ID") != null;
    return new Provisioner(app ? null : token(), scope,
        token -> clients.computeIfAbsent(token, t -> GitHubRepoHost.connect(scope.apiUrl(), t)),
        new JGitPusher(scope, progress), retry(), progress, adopt)
        .appTokens(owner -> {
          var installation = dev.scaffold.github.AppToken.fromEnvironment(ctx.env(), scope.apiUrl(), owner);
          return installation == null ? null : installation.get();
        })
        .secretsFrom(ctx.env(), ctx.workingDir())
        .sealWith(dev.scaffold.github.Sodium::seal);
  }

  private RetryPolicy retry() {
    RetryPolicy retry = RetryPolicy.standard();
    String budget = ctx.env().get("SCAFFOLD_GITHUB_RETRY_SECONDS");
    if (budget != null && budget.matches("\\d+")) {
      retry = retry.withBudget(Duration.ofSeconds(Long.parseLong(budget)));
    }
    return retry;
  }

  GitClient git() {
    return dev.scaffold.jgit.LazyJGit.client();
  }

  /** The update, check and diff use cases without publishing. */
  dev.scaffold.update.ProjectUpdater updater() {
    return updater(progress, null);
  }

  /** The update use case; with {@code publish}, {@code --pr} pushes and opens or updates the pull request on GitHub. */
  dev.scaffold.update.ProjectUpdater updater(String githubUrl, boolean publish) {
    ChangePublisher publisher = publish
        ? new PullRequestPublisher(fleetHost(githubUrl), new JGitWorkspace(requiredTokens(), scope(githubUrl)), ctx.env(),
            progress) : null;
    return updater(progress, publisher);
  }

  /** {@code update --all}: every project below a folder, with one commit or pull request for all. */
  dev.scaffold.update.AllProjectsUpdater allUpdater(String githubUrl, boolean publish) {
    ChangePublisher publisher = publish
        ? new PullRequestPublisher(fleetHost(githubUrl), new JGitWorkspace(requiredTokens(), scope(githubUrl)), ctx.env(),
            progress) : null;
    return new dev.scaffold.update.AllProjectsUpdater(updater(progress, null), git(), publisher, progress);
  }

  private dev.scaffold.update.ProjectUpdater updater(Progress p, ChangePublisher publisher) {
    JGitTemplateFetcher templates = templates();
    return new dev.scaffold.update.ProjectUpdater(new TemplateResolver(catalog(), templates, ctx.workingDir(), p),
        templates, git(), new dev.scaffold.jgit.JGitTextMerge(), publisher, p, ctx.env());
  }

  dev.scaffold.update.DriftFinder driftFinder() {
    return new dev.scaffold.update.DriftFinder(
        resolver(), templates(), git(), new dev.scaffold.jgit.JGitTextMerge(), progress);
  }

  /** Lists the repositories of a fleet update, asking GitHub only for {@code --org}/{@code --topic}. */
  RepoSource repoSource(String githubUrl) {
    return new RepoSource(() -> fleetHost(githubUrl));
  }

  /** The fleet form of update: one GitHub client, and so one rate budget, shared by every worker. */
  FleetUpdater fleetUpdater(String githubUrl, FleetListener listener) {
    return new FleetUpdater(fleetHost(githubUrl), new JGitWorkspace(requiredTokens(), scope(githubUrl)),
        p -> updater(p, null), listener);
  }

  private FleetHost fleetHost(String githubUrl) {
    if (fleetHost == null) {
      TokenScope scope = scope(githubUrl);
      scope.requireSafeApi();
      java.util.function.Supplier<String> app = appToken(scope);
      fleetHost = new HostedFleet(app != null ? GitHubRepoHost.connectShared(scope.apiUrl(), app)
          : GitHubRepoHost.connectShared(scope.apiUrl(), requiredToken()), retry());
    }
    return fleetHost;
  }

  /**
   * A GitHub App's installation token (renewed before it expires) when {@code SCAFFOLD_GITHUB_APP_ID}
   * is set, for the owner in {@code SCAFFOLD_GITHUB_APP_OWNER}, else {@code GITHUB_REPOSITORY_OWNER}
   * (set on Actions); null without an app.
   */
  private synchronized java.util.function.Supplier<String> appToken(TokenScope scope) {
    if (appToken == null && ctx.env().get("SCAFFOLD_GITHUB_APP_ID") != null) {
      String owner = ctx.env().getOrDefault("SCAFFOLD_GITHUB_APP_OWNER", ctx.env().get("GITHUB_REPOSITORY_OWNER"));
      if (owner == null || owner.isBlank()) {
        throw new InputException("SCAFFOLD_GITHUB_APP_ID is set: name the owner the app is installed on in"
            + " SCAFFOLD_GITHUB_APP_OWNER");
      }
      appToken = dev.scaffold.github.AppToken.fromEnvironment(ctx.env(), scope.apiUrl(), owner.strip());
    }
    return appToken;
  }

  private java.util.function.Supplier<String> appToken;

  /**
   * The token for git, asked for at each clone and push: a GitHub App's installation token is
   * renewed before it expires, so a long fleet run never pushes with an expired one.
   */
  private java.util.function.Supplier<String> requiredTokens() {
    if (ctx.env().get("SCAFFOLD_GITHUB_APP_ID") != null) {
      TokenScope scope = scope(null);
      scope.requireSafeApi();
      return appToken(scope);
    }
    String token = requiredToken();
    return () -> token;
  }

  private String requiredToken() {
    if (ctx.env().get("SCAFFOLD_GITHUB_APP_ID") != null) {
      TokenScope scope = scope(null);
      scope.requireSafeApi();
      return appToken(scope).get();
    }
    String token = token();
    if (token == null) {
      throw new InputException("GITHUB_TOKEN (or GH_TOKEN) is not set: pushing branches and opening pull requests "
          + "on GitHub needs a token with contents and pull-requests write access");
    }
    return token;
  }
}
