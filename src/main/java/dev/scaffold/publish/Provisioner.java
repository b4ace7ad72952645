package dev.scaffold.publish;

import dev.scaffold.InputException;
import dev.scaffold.OperationException;
import dev.scaffold.Problem;
import dev.scaffold.Progress;
import dev.scaffold.TokenScope;
import dev.scaffold.answers.Answers;
import dev.scaffold.answers.AnswersFile;
import dev.scaffold.project.ProjectPublisher;
import dev.scaffold.project.PublishRefused;
import dev.scaffold.project.PublishContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Provisions the project's repository on GitHub, in order: create the repository with its settings
 * and topics, grant teams and collaborators, push a base commit to the default branch and the
 * project to the pull-request branch, protect the default branch, open the pull request.
 *
 * <p>Every step first reads what exists, so running again after a failure finishes the job without
 * doing anything twice; the reads are skipped only for a repository this very run created (and
 * whose step has not failed once), where the answer is known. A repository that holds commits this
 * project did not make is refused.
 */
public final class Provisioner implements ProjectPublisher {

  /** How far GitHub's clock may be behind this machine's when judging a repository's {@code created_at}. */
  static final java.time.Duration CLOCK_MARGIN = java.time.Duration.ofMinutes(10);

  /** The user name git sends with a token over HTTP. */
  static final String GIT_USER = "x-access-token";

  /**
   * What the base commit holds besides the answers: what GitHub reads from a pull request's base
   * branch, so that the first pull request is gated (code owners) and shaped (its template) as configured.
   */
  static final List<String> BASE_PATHS = List.of(AnswersFile.NAME, "CODEOWNERS", ".github/CODEOWNERS",
      "docs/CODEOWNERS", ".github/pull_request_template.md", ".github/PULL_REQUEST_TEMPLATE.md",
      ".github/PULL_REQUEST_TEMPLATE", ".github/ISSUE_TEMPLATE");

  private String token;
  /** A GitHub App's installation token for an owner, when the app is configured; else null. */
  private Function<String, String> appTokens;
  private final TokenScope scope;
  private final Function<String, RepoHost> hosts;
  private final GitPusher git;
  private final RetryPolicy retry;
  private final Progress progress;
  private final boolean adopt;
  /** Seals a secret's bytes for a repository's public key (libsodium's crypto_box_seal). */
  private java.util.function.BinaryOperator<byte[]> sealer = (m, k) -> {
    throw new IllegalStateException("no sealer configured");
  };
  /** What the pre-flight of {@link #prepare} learnt, for the run of the same repository. */
  private Preflight.Findings findings;
  private String findingsFor;
  /** Whether {@link #token} is a GitHub App's installation token. */
  private boolean appAuth;

  /**
   * @param token from {@code GITHUB_TOKEN} or {@code GH_TOKEN}; null when neither is set
   * @param scope where the token may go: its API is checked before anything is written
   * @param hosts opens the API with a token
   */
  public Provisioner(String token, TokenScope scope, Function<String, RepoHost> hosts, GitPusher git, RetryPolicy retry,
      Progress progress) {
    this(token, scope, hosts, git, retry, progress, false);
  }

  /** @param adopt whether an empty repository of the name that this project did not create may be taken over */
  public Provisioner(String token, TokenScope scope, Function<String, RepoHost> hosts, GitPusher git, RetryPolicy retry,
      Progress progress, boolean adopt) {
    this.adopt = adopt;
    this.token = token == null || token.isBlank() ? null : token.strip();
    this.scope = scope;
    this.hosts = hosts;
    this.git = git;
    this.retry = retry;
    this.progress = progress;
  }

  private SecretValues secretValues = new SecretValues(Map.of(), Path.of(""));

  /** Uses a GitHub App: its installation token for the repository's owner, found when the owner is known. */
  public Provisioner appTokens(Function<String, String> tokenForOwner) {
    this.appTokens = tokenForOwner;
    return this;
  }

  /** How secrets are sealed: the GitHub adapter's libsodium binding. */
  public Provisioner sealWith(java.util.function.BinaryOperator<byte[]> sealer) {
    this.sealer = sealer;
    return this;
  }

  /** Where Actions secrets' values are read: the environment, and files relative to {@code workingDir}. */
  public Provisioner secretsFrom(Map<String, String> env, Path workingDir) {
    this.secretValues = new SecretValues(env, workingDir);
    return this;
  }

  /** The token from the environment: {@code GITHUB_TOKEN}, else {@code GH_TOKEN}. */
  public static String tokenFrom(Map<String, String> env) {
    return dev.scaffold.GitHubToken.from(env);
  }

  @Override
  public List<String> prepare(PublishContext context) {
    GitHubSettings s = settings(context);
    if (!s.enabled()) {
      return List.of();
    }
    if (token == null && appTokens != null) {
      scope.requireSafeApi();
      try {
        token = appTokens.apply(s.owner());
        appAuth = token != null;
      } catch (RemoteFailure f) {
        throw new OperationException("GitHub App authentication failed: " + f.getMessage() + "; nothing was created", null);
      }
    }
    if (token == null && !context.dryRun()) {
      throw new InputException("the template provisions a GitHub repository (" + s.fullName()
          + "), which needs a token: set GITHUB_TOKEN or GH_TOKEN, or pass --no-github");
    }
    List<Problem> missing = secretValues.check(s.actions().secrets());
    if (!missing.isEmpty()) {
      throw new InputException("Actions secrets cannot be read; nothing was created", missing);
    }
    if (token != null) {
      scope.requireSafeApi();
      preflight(s, hosts.apply(token), context.destination(), context.paths(), context.dryRun());
    }
    List<String> steps = new ArrayList<>(plan(s));
    if (findings != null && findings.existing() != null) {
      steps.set(0, (git.createdRepository(context.destination()).isPresent() ? "resume" : "adopt") + " repository "
          + s.fullName() + " (exists on GitHub)");
    }
    if (token == null) {
      steps.add("(the real run needs a token: set GITHUB_TOKEN or GH_TOKEN, or pass --no-github)");
    }
    return steps;
  }

  /**
   * The checks before anything is created (read-only, so a dry run makes them too), retried like any step.
   *
   * @param paths the project's files
   * @param dryRun whether no create call follows, so the name is read instead
   */
  private void preflight(GitHubSettings s, RepoHost host, Path destination, List<String> paths, boolean dryRun) {
    Optional<String> recorded = destination == null ? Optional.empty() : git.createdRepository(destination);
    progress.step("check " + s.fullName() + " on GitHub");
    Preflight.Request req = new Preflight.Request(recorded, adopt, paths, dryRun, appAuth);
    try {
      retry.fresh().run(() -> findings = Preflight.check(s, host, req));
      findingsFor = s.fullName();
    } catch (RemoteFailure f) {
      throw new OperationException("GitHub pre-flight checks failed: " + scrub(f.getMessage())
          + "; nothing was created", null);
    }
  }

  /** What {@link #publish} will do, with the exact settings. */
  static List<String> plan(GitHubSettings s) {
    List<String> steps = new ArrayList<>();
    StringBuilder create = new StringBuilder("create repository ").append(s.fullName()).append(" (").append(s.visibility());
    if (s.description() != null) {
      create.append("; description \"").append(s.description()).append('"');
    }
    if (s.homepage() != null) {
      create.append("; homepage ").append(s.homepage());
    }
    s.settings().forEach((k, v) -> create.append("; ").append(k).append('=').append(v));
    s.textSettings().forEach((k, v) -> create.append("; ").append(k).append('=').append(v));
    steps.add(create.append(')').toString());
    if (!s.topics().isEmpty()) {
      steps.add("set topics " + String.join(", ", s.topics()));
    }
    s.teams().forEach((t, p) -> steps.add("grant team " + s.owner() + "/" + t + " " + p));
    s.collaborators().forEach((u, p) -> steps.add("grant collaborator " + u + " " + p));
    if (s.pullRequest() != null) {
      steps.add("push base commit (" + AnswersFile.NAME + " and CODEOWNERS, if any) to " + s.defaultBranch());
      steps.add("push project to " + s.pullRequest().branch());
    } else {
      steps.add("push project to " + s.defaultBranch());
    }
    if (s.protection() != null) {
      steps.add("protect " + s.defaultBranch() + " (" + s.protection().describe() + ")");
    }
    GitHubSettings.Actions actions = s.actions();
    if (!actions.variables().isEmpty()) {
      steps.add("set Actions variables " + String.join(", ", actions.variables().keySet()));
    }
    if (!actions.secrets().isEmpty()) {
      steps.add("set Actions secrets " + String.join(", ", actions.secrets().keySet()) + " (sealed; from "
          + String.join(", ", actions.secrets().values().stream().map(v -> v.kind() + " " + v.ref()).toList()) + ")");
    }
    actions.environments().forEach((n, e) -> steps.add("environment " + n + (e.waitTimer() == null ? ""
        : " (wait " + e.waitTimer() + " min)") + (e.reviewers().isEmpty() ? ""
        : " reviewers " + e.reviewers().stream().map(a -> a.type() + " " + a.name()).toList())));
    s.security().features().forEach((k, v) -> steps.add((v ? "enable " : "disable ") + k.replace('_', ' ')));
    s.security().customProperties().forEach((k, v) -> steps.add(v == null ? "unset custom property " + k
        : "custom property " + k + " = " + v));
    for (GitHubSettings.Ruleset r : s.rulesets()) {
      steps.add("ruleset \"" + r.name() + "\" on " + r.target() + " " + String.join(", ", r.include())
          + (r.exclude().isEmpty() ? "" : " except " + String.join(", ", r.exclude())) + ", " + r.enforcement() + " ("
          + r.rules().describe().replace("enforce admins off; ", "").replace("enforce admins on; ", "")
          + (r.rules().allowForcePushes() ? "" : "; no force pushes") + (r.rules().allowDeletions() ? "" : "; no deletion")
          + ")");
    }
    if (s.pullRequest() != null) {
      steps.add("open pull request " + s.pullRequest().branch() + " → " + s.defaultBranch() + ": \""
          + s.pullRequest().title() + "\"");
    }
    return steps;
  }

  private static GitHubSettings settings(PublishContext c) {
    return GitHubSettings.evaluate(c.template().spec().github(), c.engine(), c.model());
  }

  @Override
  public Published publish(PublishContext context, Path projectDir) {
    GitHubSettings s = settings(context);
    if (!s.enabled()) {
      return new Published(Map.of(), null, null);
    }
    if (token == null) {
      throw new InputException("GitHub provisioning needs a token: set GITHUB_TOKEN or GH_TOKEN, or pass --no-github");
    }
    RepoHost host = hosts.apply(token);
    if (findings == null || !s.fullName().equals(findingsFor)) {
      preflight(s, host, projectDir, context.paths(), false);
    }
    try {
      return new Run(s, context, projectDir, host, retry.fresh(), findings).run();
    } catch (InputException | OperationException | PublishRefused e) {
      throw e;
    } catch (RuntimeException e) {
      throw new OperationException("GitHub provisioning failed: " + scrub(String.valueOf(e.getMessage()))
          + "; run the same command again to resume", null);
    }
  }

  /** Removes the token from text that may reach the user. */
  String scrub(String text) {
    return token == null || text == null ? text : text.replace(token, "***");
  }

  /** One provisioning run and what it learnt so far. */
  private final class Run {
    final GitHubSettings s;
    final PublishContext ctx;
    final Path dir;
    final RepoHost host;
    final RetryPolicy retry;
    final String owner;
    final String name;
    final Preflight.Findings checked;
    RepoHost.HostedRepo repo;
    boolean fresh;
    /** A create request was sent this run: a later "name already exists" may be its own echo. */
    boolean createSent;
    /** When the first create request went out. */
    java.time.Instant firstCreateAt;
    Map<String, String> remote;
    GitPusher.History history;
    String pullUrl;

    Run(GitHubSettings s, PublishContext ctx, Path dir, RepoHost host, RetryPolicy retry, Preflight.Findings checked) {
      this.checked = checked;
      this.s = s;
      this.ctx = ctx;
      this.dir = dir;
      this.host = host;
      this.retry = retry;
      this.owner = s.owner();
      this.name = s.name();
    }

    Published run() {
      GitHubSettings.PullRequest pr = s.pullRequest();
      history = pr == null
          ? new GitPusher.History(null, git.head(dir))
          : git.split(dir, s.defaultBranch(), pr.branch(), BASE_PATHS,
              "Start " + ctx.template().spec().name() + " project " + s.name());
      step("create repository " + s.fullName(), this::ensureRepository);
      if (!s.topics().isEmpty()) {
        step("set topics " + String.join(", ", s.topics()), this::ensureTopics);
      }
      if (!s.teams().isEmpty()) {
        step("grant teams " + String.join(", ", s.teams().keySet()), this::ensureTeams);
      }
      if (!s.collaborators().isEmpty()) {
        step("grant collaborators " + String.join(", ", s.collaborators().keySet()), this::ensureCollaborators);
      }
      if (!s.actions().isEmpty()) {
        step("set Actions variables, secrets and environments", this::ensureActions);
      }
      step(pr == null ? "push " + s.defaultBranch() : "push " + s.defaultBranch() + " and " + pr.branch(), this::ensurePushed);
      if (s.protection() != null) {
        step("protect " + s.defaultBranch(), this::ensureProtection);
      }
      if (!s.rulesets().isEmpty()) {
        step("apply rulesets " + String.join(", ", s.rulesets().stream().map(GitHubSettings.Ruleset::name).toList()),
            this::ensureRulesets);
      }
      if (!s.security().isEmpty()) {
        // after the push, so that neither push protection nor an organisation's rulesets that
        // target a custom property judge the project's first push
        step("set security features and custom properties", known -> ensureSecurity(s.security()));
      }
      Map<String, String> links = new LinkedHashMap<>();
      links.put("repository", repo.htmlUrl());
      if (pr != null) {
        step("open pull request " + pr.branch() + " → " + s.defaultBranch(), this::ensurePullRequest);
        links.put("pull_request", pullUrl);
      }
      return new Published(links, pr == null ? null : pr.branch(), history.project());
    }

    /** Runs a step under the retry policy; {@code body} gets whether it may trust {@link #fresh}. */
    private void step(String label, java.util.function.Consumer<Boolean> body) {
      progress.step(label);
      int[] attempts = {0};
      try {
        retry.run(() -> {
          attempts[0]++;
          body.accept(fresh && attempts[0] == 1);
        });
      } catch (RemoteFailure f) {
        String what = scrub(f.getMessage());
        throw new OperationException("GitHub step \"" + label + "\" failed: " + what,
            List.of(Problem.at(dir.toString(),
                "the project is created and committed here; once the cause is fixed, run the same command again to resume")),
            null);
      }
    }

    private void ensureRepository(boolean ignored) {
      Optional<RepoHost.HostedRepo> found = createSent ? host.find(owner, name) : Optional.ofNullable(checked.existing());
      if (createSent && found.isPresent()) {
        requireThisRuns(found.get()); // the create call's answer was lost: it may have landed, or the name was taken
      }
      if (found.isEmpty()) {
        // create first: GitHub's "name already exists" is the signal to read, one request fewer per run
        boolean firstCreate = !createSent;
        if (firstCreate) {
          firstCreateAt = java.time.Instant.now();
        }
        createSent = true;
        Optional<RepoHost.HostedRepo> made;
        try {
          made = host.create(s, checked.owner().organization());
        } catch (RemoteFailure f) {
          if (f.status() != 422 || !String.valueOf(f.getMessage()).contains("already exists")) {
            throw f;
          }
          RepoHost.HostedRepo there = host.find(owner, name).orElseThrow(() -> f);
          if (firstCreate) {
            // not this run's: whose it is decides, as the pre-flight would have
            Problem p = Preflight.nameProblem(s, there, git.createdRepository(dir), adopt);
            if (p != null) {
              throw new PublishRefused(Preflight.refusal(s, List.of(p), "nothing was created on GitHub"));
            }
            found = Optional.of(there);
            made = null;
          } else {
            requireThisRuns(there);
            made = Optional.of(there); // an earlier attempt of this run created it, and its answer was lost
          }
        }
        if (made != null) {
          if (made.isEmpty()) {
            throw new InputException("cannot create " + s.fullName() + ": " + owner
                + " is not an organisation you can create repositories in");
          }
          repo = made.get();
          git.recordCreatedRepository(dir, s.fullName());
          fresh = true;
          remote = Map.of();
          return;
        }
      }
      repo = found.get();
      fresh = false;
      remote = git.remoteBranches(dir, repo.cloneUrl(), GIT_USER, token); // kept for the push: one listing a run
      if (!remote.isEmpty()) {
        String head = remote.getOrDefault(repo.defaultBranch(), remote.values().iterator().next());
        Predicate<String> ours = c -> git.isLocal(dir, c);
        if (!ours.test(head)) {
          throw new PublishRefused(new InputException(s.fullName() + " already exists on GitHub and was not made from"
              + " this project (its " + repo.defaultBranch() + " branch holds commits scaffold did not push): choose"
              + " another repository name, or delete that repository; nothing was changed on GitHub"));
        }
      }
      git.recordCreatedRepository(dir, s.fullName()); // adopted or resumed: this project's from now on
      if (!matches(repo)) {
        repo = host.update(s);
      }
    }

    /**
     * A repository found after a create call whose answer was lost is this run's only if GitHub
     * made it after the call went out (less a margin for clocks); an older one is someone else's,
     * judged as the pre-flight would have.
     */
    private void requireThisRuns(RepoHost.HostedRepo there) {
      if (there.createdAt() == null || firstCreateAt == null
          || !there.createdAt().isBefore(firstCreateAt.minus(CLOCK_MARGIN))) {
        return;
      }
      Problem p = Preflight.nameProblem(s, there, git.createdRepository(dir), adopt);
      if (p != null) {
        throw new PublishRefused(Preflight.refusal(s, List.of(p), "nothing was created on GitHub"));
      }
    }

    private boolean matches(RepoHost.HostedRepo r) {
      boolean same = s.visibility().equals(r.visibility())
          && java.util.Objects.equals(s.description(), emptyToNull(r.description()))
          && java.util.Objects.equals(s.homepage(), emptyToNull(r.homepage()));
      for (Map.Entry<String, Boolean> f : s.settings().entrySet()) {
        same &= f.getValue().equals(r.settings().get(f.getKey()));
      }
      // the merge message words are not read back: an adopted or resumed repository gets them again
      return same && s.textSettings().isEmpty();
    }

    private void ensureTopics(boolean known) {
      if (known || !new TreeSet<>(host.topics(owner, name)).equals(new TreeSet<>(s.topics()))) {
        host.setTopics(owner, name, s.topics());
      }
    }

    private void ensureTeams(boolean known) {
      Map<String, String> have = known ? Map.of() : host.teams(owner, name);
      s.teams().forEach((team, perm) -> {
        if (!perm.equals(have.get(team))) {
          host.grantTeam(owner, name, team, perm);
        }
      });
    }

    private void ensureCollaborators(boolean known) {
      Map<String, String> have = known ? Map.of() : host.collaborators(owner, name);
      s.collaborators().forEach((login, perm) -> {
        if (!perm.equals(have.get(login.toLowerCase(java.util.Locale.ROOT)))) {
          host.grantCollaborator(owner, name, login, perm);
        }
      });
    }

    private void ensurePushed(boolean known) {
      Map<String, String> want = new LinkedHashMap<>();
      GitHubSettings.PullRequest pr = s.pullRequest();
      want.put(s.defaultBranch(), history.base() != null ? history.base() : history.project());
      if (pr != null) {
        want.put(pr.branch(), history.project());
      }
      Map<String, String> have = known ? Map.of()
          : remote != null ? remote : git.remoteBranches(dir, repo.cloneUrl(), GIT_USER, token);
      remote = null; // a retry lists again: the push may have landed
      Map<String, String> push = new LinkedHashMap<>();
      for (Map.Entry<String, String> w : want.entrySet()) {
        String there = have.get(w.getKey());
        if (w.getValue().equals(there)) {
          continue;
        }
        if (there != null && !git.isLocal(dir, there)) {
          throw new InputException("branch " + w.getKey() + " of " + s.fullName()
              + " holds commits scaffold did not push; nothing was pushed. Remove that branch or choose another");
        }
        push.put(w.getKey(), w.getValue());
      }
      if (!push.isEmpty()) {
        git.push(dir, repo.cloneUrl(), GIT_USER, token, push);
      }
      if (!s.defaultBranch().equals(repo.defaultBranch())) {
        host.setDefaultBranch(owner, name, s.defaultBranch());
        repo = new RepoHost.HostedRepo(repo.owner(), repo.name(), repo.htmlUrl(), repo.cloneUrl(), s.defaultBranch(),
            repo.visibility(), repo.description(), repo.homepage(), repo.settings(), repo.createdAt());
      }
    }

    private void ensureProtection(boolean known) {
      if (known || !host.protection(owner, name, s.defaultBranch()).filter(s.protection()::equals).isPresent()) {
        host.protect(owner, name, s.defaultBranch(), s.protection());
      }
    }

    /** Before the push, so that the first workflow runs already find them. */
    private void ensureActions(boolean known) {
      GitHubSettings.Actions a = s.actions();
      a.variables().forEach((k, v) -> host.putActionsVariable(owner, name, k, v));
      if (!a.secrets().isEmpty()) {
        RepoHost.SecretKey key = host.actionsSecretKey(owner, name);
        byte[] publicKey = java.util.Base64.getDecoder().decode(key.key());
        a.secrets().forEach((k, src) -> host.putActionsSecret(owner, name, k,
            java.util.Base64.getEncoder().encodeToString(sealer.apply(secretValues.read(src), publicKey)), key.id()));
      }
      Map<String, Long> users = new LinkedHashMap<>();
      Map<String, Long> teamIds = new LinkedHashMap<>();
      a.environments().forEach((env, e) -> {
        List<Map.Entry<String, Long>> reviewers = new ArrayList<>();
        for (GitHubSettings.Actor r : e.reviewers()) {
          reviewers.add(r.type().equals("team")
              ? Map.entry("Team", teamIds.computeIfAbsent(r.name(), t -> host.teamId(owner, t)))
              : Map.entry("User", users.computeIfAbsent(r.name(), host::userId)));
        }
        host.putEnvironment(owner, name, env, e.waitTimer(), reviewers);
      });
    }

    /** Alerts before security updates (which need them), then the {@code security_and_analysis} ones. */
    private void ensureSecurity(GitHubSettings.Security security) {
      Map<String, Boolean> f = security.features();
      Boolean alerts = f.get("dependabot_alerts");
      Boolean updates = f.get("dependabot_security_updates");
      if (Boolean.TRUE.equals(alerts) || Boolean.TRUE.equals(updates)) { // updates need alerts
        host.setVulnerabilityAlerts(owner, name, true);
      }
      if (updates != null) {
        host.setAutomatedSecurityFixes(owner, name, updates);
      }
      if (Boolean.FALSE.equals(alerts)) {
        host.setVulnerabilityAlerts(owner, name, false);
      }
      Map<String, Boolean> analysis = new LinkedHashMap<>();
      for (String k : SecurityPreflight.ADVANCED) {
        if (f.containsKey(k)) {
          analysis.put(k, f.get(k));
        }
      }
      if (!analysis.isEmpty()) {
        host.setSecurityAndAnalysis(owner, name, analysis);
      }
      if (!security.customProperties().isEmpty()) {
        host.setCustomProperties(owner, name, security.customProperties());
      }
    }

    private void ensureRulesets(boolean known) {
      Map<String, Long> have = known ? Map.of() : host.rulesets(owner, name);
      Map<String, Long> teamIds = new LinkedHashMap<>();
      for (GitHubSettings.Ruleset r : s.rulesets()) {
        for (GitHubSettings.Actor a : r.bypass()) {
          if (a.type().equals("team") && !teamIds.containsKey(a.name())) {
            teamIds.put(a.name(), host.teamId(owner, a.name()));
          }
        }
      }
      for (GitHubSettings.Ruleset r : s.rulesets()) {
        // PUT replaces the whole ruleset, so an unchanged one is written again rather than read and compared
        host.putRuleset(owner, name, have.get(r.name()), r, teamIds);
      }
    }

    private void ensurePullRequest(boolean known) {
      GitHubSettings.PullRequest pr = s.pullRequest();
      Optional<String> existing = known ? Optional.empty()
          : host.findPullRequest(owner, name, pr.branch(), s.defaultBranch());
      pullUrl = existing.orElseGet(() -> host.openPullRequest(owner, name, pr.branch(), s.defaultBranch(),
          hideSecrets(pr.title()), hideSecrets(body(pr))));
    }

    private String body(GitHubSettings.PullRequest pr) {
      StringBuilder b = new StringBuilder();
      if (!pr.body().isEmpty()) {
        b.append(pr.body()).append("\n\n---\n\n");
      }
      var t = ctx.template();
      b.append("Template: `").append(t.spec().name()).append("` version `").append(t.versionLabel()).append('`');
      if (!onThisMachine(t.origin())) {
        // a folder or path on this machine means nothing on GitHub and tells who made it where
        b.append(" from `").append(t.origin().source()).append('`');
      }
      b.append("\n\nAnswers:\n\n");
      Answers a = ctx.answers();
      a.recordable().forEach((k, v) -> b.append("- `").append(k).append("`: ").append(v).append('\n'));
      return b.toString();
    }

    private String hideSecrets(String text) {
      String out = scrub(text);
      for (String secret : ctx.answers().secrets()) {
        Object v = ctx.answers().values().get(secret);
        if (v != null && !v.toString().isEmpty()) {
          out = out.replace(v.toString(), "***");
        }
      }
      return out;
    }
  }

  /** A folder or git path of this machine: its path means nothing on GitHub and says where the user keeps things. */
  static boolean onThisMachine(dev.scaffold.template.TemplateOrigin o) {
    return switch (o.kind()) {
      case BUNDLED -> false;
      case DIRECTORY -> true;
      case GIT -> o.isLocal() || o.source().regionMatches(true, 0, "file:", 0, 5);
    };
  }

  private static String emptyToNull(String v) {
    return v == null || v.isEmpty() ? null : v;
  }
}
