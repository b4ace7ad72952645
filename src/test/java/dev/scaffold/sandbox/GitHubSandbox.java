package dev.scaffold.sandbox;

import dev.scaffold.sandbox.SandboxState.Account;
import dev.scaffold.sandbox.SandboxState.Repo;
import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.util.FS;

/**
 * A stateful GitHub on loopback: REST API, git smart-HTTP, faults on demand and inspection of
 * everything it was asked to do.
 *
 * <pre>{@code
 * try (GitHubSandbox gh = GitHubSandbox.builder().token("t0k3n", "octo").org("acme", "devs").start()) {
 *   GitHub api = new GitHubBuilder().withEndpoint(gh.baseUrl()).withOAuthToken("t0k3n", "octo").build();
 *   ...
 *   RepoSnapshot repo = gh.repo("acme/demo").orElseThrow();
 * }
 * }</pre>
 */
public final class GitHubSandbox implements AutoCloseable {

  /** Default token and login when the builder names none. */
  public static final String DEFAULT_TOKEN = "sandbox-token";

  public static final String DEFAULT_LOGIN = "sandbox-user";

  /** Configuration of a sandbox before it starts. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port;
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final Map<String, List<String>> orgs = new LinkedHashMap<>();
    private final List<String> users = new ArrayList<>();
    private final Map<String, List<String>> members = new LinkedHashMap<>();
    private int rateLimit = 5000;
    private Duration rateLimitWindow = Duration.ofHours(1);
    private int latencyMs;
    private Path gitRoot;

    private Builder() {}

    /** Accepts {@code token} for user {@code login}; the first token added is {@link #token()}. */
    public Builder token(String token, String login) {
      tokens.put(token, login);
      return this;
    }

    /** An organisation with the given team slugs. */
    public Builder org(String login, String... teamSlugs) {
      orgs.computeIfAbsent(login, k -> new ArrayList<>()).addAll(List.of(teamSlugs));
      return this;
    }

    /** A team {@code slug} in {@code org} (created if needed). */
    public Builder team(String org, String slug) {
      return org(org, slug);
    }

    /** A user that exists but has no token (a collaborator, say). */
    public Builder user(String login) {
      users.add(login);
      return this;
    }

    /** Makes {@code login} a member of {@code org}: adding it as collaborator then needs no invitation. */
    public Builder member(String org, String login) {
      members.computeIfAbsent(org, k -> new ArrayList<>()).add(login);
      return this;
    }

    /** Core requests per token per window (GitHub: 5000 an hour). */
    public Builder rateLimit(int requests) {
      this.rateLimit = requests;
      return this;
    }

    public Builder rateLimitWindow(Duration window) {
      this.rateLimitWindow = window;
      return this;
    }

    /** Delay added to every request, for benchmarks. */
    public Builder latencyMs(int ms) {
      this.latencyMs = ms;
      return this;
    }

    /** 0 (default) picks a free port. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder host(String host) {
      this.host = host;
      return this;
    }

    /** Where the bare repositories go; by default a temporary folder removed on {@link #close()}. */
    public Builder gitRoot(Path dir) {
      this.gitRoot = dir;
      return this;
    }

    public GitHubSandbox start() throws IOException {
      return new GitHubSandbox(this);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  private final SandboxState state;
  private final Faults faults = new Faults();
  private final AtomicInteger latencyMs;
  private final RequestGate gate;
  private final Server server;
  private final String baseUrl;
  private final String token;
  private final String login;
  private final Path gitRoot;
  private final boolean ownsGitRoot;
  private GitHubJson json;

  private GitHubSandbox(Builder b) throws IOException {
    // JGit would otherwise measure the file system's timestamp resolution in the foreground (~3 s)
    FS.FileStoreAttributes.setBackground(true);
    ownsGitRoot = b.gitRoot == null;
    gitRoot = ownsGitRoot ? Files.createTempDirectory("github-sandbox-") : Files.createDirectories(b.gitRoot);
    state = new SandboxState(gitRoot);
    Map<String, String> tokens = new LinkedHashMap<>(b.tokens);
    if (tokens.isEmpty()) tokens.put(DEFAULT_TOKEN, DEFAULT_LOGIN);
    token = tokens.keySet().iterator().next();
    login = tokens.get(token);
    tokens.forEach(state::addToken);
    b.users.forEach(u -> state.addAccount(u, false));
    b.orgs.forEach((org, teams) -> addOrg(org, teams.toArray(String[]::new)));
    b.members.forEach((org, logins) -> {
      Account o = state.addAccount(org, true);
      logins.forEach(l -> o.members.add(state.addAccount(l, false).login));
    });
    latencyMs = new AtomicInteger(b.latencyMs);
    RateBudget budget = new RateBudget(b.rateLimit, Math.max(1, b.rateLimitWindow.toSeconds()));
    gate = new RequestGate(state, faults, budget, latencyMs);

    QueuedThreadPool threads = new QueuedThreadPool(64, 2);
    threads.setName("github-sandbox");
    threads.setDaemon(true);
    server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(b.host);
    connector.setPort(b.port);
    server.addConnector(connector);
    try {
      // bind first: the servlets need the base URL, which includes the ephemeral port
      connector.open();
      baseUrl = "http://" + b.host + ":" + connector.getLocalPort();
      ServletContextHandler context = new ServletContextHandler("/");
      context.addFilter(new FilterHolder(gate), "/*", EnumSet.of(DispatcherType.REQUEST));
      context.addServlet(new ServletHolder("git", new GitHosting(state).servlet()), "/git/*");
      json = new GitHubJson(baseUrl);
      RestApi api = new RestApi(state, json, budget, new SandboxAdmin(this));
      context.addServlet(new ServletHolder("rest", api), "/*");
      server.setHandler(context);
      server.start();
    } catch (Exception e) {
      try {
        server.stop();
      } catch (Exception ignored) {
        // already failing
      }
      deleteGitRoot();
      throw new IOException("sandbox did not start: " + e.getMessage(), e);
    }
  }

  /** {@code http://127.0.0.1:PORT}, to pass to {@code GitHubBuilder.withEndpoint}. */
  public String baseUrl() {
    return baseUrl;
  }

  /** The first configured token. */
  public String token() {
    return token;
  }

  /** The login of {@link #token()}. */
  public String login() {
    return login;
  }

  /** The {@code clone_url} the API hands out for a repository. */
  public String cloneUrl(String fullName) {
    return baseUrl + "/git/" + fullName + ".git";
  }

  /**
   * Makes the API answer {@code clone_url}s on {@code base} ({@code scheme://host[:port]}) instead of
   * this sandbox, as a hostile or compromised GitHub might; null restores the sandbox's own.
   */
  public void handOutCloneUrlsOn(String base) {
    json.cloneBase = base;
  }

  public Faults faults() {
    return faults;
  }

  /** Changes the delay added to every request. */
  public void latencyMs(int ms) {
    latencyMs.set(ms);
  }

  public int latencyMs() {
    return latencyMs.get();
  }

  /** Every request so far (admin calls under {@code /_sandbox/} excluded), oldest first. */
  public List<RecordedRequest> requests() {
    return gate.log();
  }

  /** Requests so far with this method ({@code null} = any) whose path matches {@code pathRegex} (find). */
  public long count(String method, String pathRegex) {
    Pattern p = Pattern.compile(pathRegex);
    return requests().stream()
        .filter(r -> method == null || r.method().equalsIgnoreCase(method))
        .filter(r -> p.matcher(r.path()).find())
        .count();
  }

  public void clearRequests() {
    gate.clearLog();
  }

  /** How often hub4j's legacy {@code PUT /organizations/{id}/team/{id}/repos/..} route was used. */
  public int legacyTeamGrants() {
    return locked(() -> state.legacyTeamGrants);
  }

  public Optional<RepoSnapshot> repo(String fullName) {
    int slash = fullName.indexOf('/');
    if (slash < 0) throw new IllegalArgumentException("owner/name expected: " + fullName);
    return locked(() -> state.repo(fullName.substring(0, slash), fullName.substring(slash + 1)).map(Repo::snapshot));
  }

  public List<RepoSnapshot> repos() {
    return locked(() -> state.repos().stream().map(Repo::snapshot).toList());
  }

  /** The bare repository of {@code owner/name} on disk, to open with JGit. */
  public Path gitDir(String fullName) {
    return repo(fullName).orElseThrow(() -> new IllegalArgumentException("no repository " + fullName)).gitDir();
  }

  /**
   * Creates a repository as if someone else had made it (not through the API), optionally with a
   * README commit on {@code defaultBranch}; the owner is created as a user unless it is a known org.
   */
  public RepoSnapshot createRepo(String fullName, String defaultBranch, boolean initialCommit) {
    int slash = fullName.indexOf('/');
    String owner = fullName.substring(0, slash);
    String name = fullName.substring(slash + 1);
    return locked(() -> {
      if (state.repo(owner, name).isPresent()) throw new IllegalStateException(fullName + " already exists");
      Account a = state.account(owner).orElseGet(() -> state.addAccount(owner, false));
      Repo r = state.addRepo(a, name, false, defaultBranch);
      if (initialCommit) r.initialCommit(new PersonIdent("someone-else", "someone-else@example.com"));
      return r.snapshot();
    });
  }

  /** Moves a repository's {@code created_at} (and {@code updated_at}, {@code pushed_at}) back by {@code age}. */
  public void backdate(String fullName, Duration age) {
    int slash = fullName.indexOf('/');
    locked(() -> {
      Repo r = state.repo(fullName.substring(0, slash), fullName.substring(slash + 1))
          .orElseThrow(() -> new IllegalArgumentException("no repository " + fullName));
      r.createdAt = r.createdAt.minus(age);
      r.updatedAt = r.updatedAt.minus(age);
      r.pushedAt = r.pushedAt.minus(age);
      return null;
    });
  }

  /** Adds an organisation (and teams) while running. */
  public void addOrg(String org, String... teamSlugs) {
    locked(() -> {
      Account o = state.addAccount(org, true);
      for (String slug : teamSlugs) state.addTeam(o, slug, slug);
      return null;
    });
  }

  /** Sets the organisation's {@code members_can_create_repositories}: when false only its owners may create. */
  public void membersCanCreateRepositories(String org, boolean allowed) {
    locked(() -> {
      state.account(org).filter(a -> a.organization)
          .orElseThrow(() -> new IllegalArgumentException("no organisation " + org)).membersCanCreateRepositories = allowed;
      return null;
    });
  }

  /** Makes {@code login} an owner (role admin) of {@code org}. */
  public void orgAdmin(String org, String login) {
    locked(() -> state.addAccount(org, true).admins.add(state.addAccount(login, false).login));
  }

  /** Sets an account's billing plan ({@code free}, {@code pro}, {@code team}, {@code enterprise}). */
  public void plan(String login, String plan) {
    locked(() -> {
      state.account(login).orElseThrow(() -> new IllegalArgumentException("no account " + login)).plan = plan;
      return null;
    });
  }

  /** Leaves the plan out of an organisation's answer, as GitHub does for a token that is not an owner's. */
  public void hidePlan(String org) {
    locked(() -> {
      state.account(org).orElseThrow(() -> new IllegalArgumentException("no account " + org)).planShown = false;
      return null;
    });
  }

  /**
   * Defines a custom property of an organisation: a {@code single_select} of {@code allowed}, or
   * {@code string} when none are given.
   */
  public void customProperty(String org, String property, String... allowed) {
    customProperty(org, property, allowed.length == 0 ? "string" : "single_select", false, allowed);
  }

  /** Defines a custom property of an organisation with its type, whether it is required, and a select's values. */
  public void customProperty(String org, String property, String valueType, boolean required, String... allowed) {
    locked(() -> {
      state.account(org).orElseThrow(() -> new IllegalArgumentException("no account " + org)).propertySchema
          .put(property, new SandboxState.PropertyDefinition(valueType, List.of(allowed), required));
      return null;
    });
  }

  /**
   * A repository's security features as set: the {@code security_and_analysis} ones ({@code
   * enabled}/{@code disabled}) and {@code dependabot_alerts}, {@code dependabot_security_updates}.
   */
  public Map<String, String> security(String fullName) {
    return locked(() -> {
      SandboxState.Repo r = repoNamed(fullName);
      Map<String, String> out = new java.util.TreeMap<>(r.security);
      out.put("dependabot_alerts", r.vulnerabilityAlerts ? "enabled" : "disabled");
      out.put("dependabot_security_updates", r.automatedSecurityFixes ? "enabled" : "disabled");
      return out;
    });
  }

  /** A repository's custom property values. */
  public Map<String, Object> customProperties(String fullName) {
    return locked(() -> new java.util.TreeMap<>(repoNamed(fullName).customProperties));
  }

  private SandboxState.Repo repoNamed(String fullName) {
    String[] parts = fullName.split("/", 2);
    return state.repo(parts[0], parts[1]).orElseThrow(() -> new IllegalArgumentException("no repository " + fullName));
  }

  /**
   * Makes {@code token} a classic one with these OAuth scopes: answers carry {@code X-OAuth-Scopes}
   * and creating a repository needs {@code repo} ({@code public_repo} for a public one); pushing
   * commits that touch {@code .github/workflows/} needs {@code workflow}.
   */
  public void scopes(String token, String... scopes) {
    locked(() -> state.scopes.put(token, new java.util.TreeSet<>(List.of(scopes))));
  }

  /**
   * Registers a GitHub App with the public half of its key, installed on {@code owners}; its
   * installation tokens last {@code tokenLifetime}. Answers the installation ids, in order.
   */
  public List<Long> app(long appId, java.security.PublicKey key, java.time.Duration tokenLifetime, String... owners) {
    return locked(() -> {
      SandboxState.App app = state.apps.computeIfAbsent(appId, id -> new SandboxState.App(id, key));
      app.tokenLifetime = tokenLifetime;
      List<Long> ids = new ArrayList<>();
      for (String o : owners) {
        ids.add(app.installations.computeIfAbsent(o.toLowerCase(java.util.Locale.ROOT), x -> state.nextId()));
      }
      return ids;
    });
  }

  /** How many installation tokens the app was given. */
  public int appTokensIssued(long appId) {
    return locked(() -> state.apps.get(appId).tokensIssued);
  }

  /** Adds a user while running. */
  public void addUser(String login) {
    locked(() -> state.addAccount(login, false));
  }

  /** Accepts another token while running. */
  public void addToken(String token, String login) {
    locked(() -> {
      state.addToken(token, login);
      return null;
    });
  }

  /** Makes {@code login} an org member (collaborator grants then skip the invitation). */
  public void addMember(String org, String login) {
    locked(() -> state.addAccount(org, true).members.add(state.addAccount(login, false).login));
  }

  /** Sets the default branch of new repositories of {@code owner} (GitHub's account setting). */
  public void defaultBranch(String owner, String branch) {
    locked(() -> {
      state.account(owner).orElseThrow(() -> new IllegalArgumentException("no account " + owner))
          .defaultBranch = branch;
      return null;
    });
  }

  private <T> T locked(java.util.function.Supplier<T> action) {
    state.lock.lock();
    try {
      return action.get();
    } finally {
      state.lock.unlock();
    }
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      // stopping is best effort; the threads are daemons
    }
    locked(() -> {
      state.closeAll();
      return null;
    });
    deleteGitRoot();
    java.util.Set<String> unlisted = gate.unlisted();
    if (!unlisted.isEmpty()) {
      throw new AssertionError("scaffold sent requests on routes that dev/scaffold/github/contract-routes.txt does not"
          + " list, so scripts/github-contract-check never checks them: " + unlisted);
    }
  }

  private void deleteGitRoot() {
    if (!ownsGitRoot) return;
    try (Stream<Path> files = Files.walk(gitRoot)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
