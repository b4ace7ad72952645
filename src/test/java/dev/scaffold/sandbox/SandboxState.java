package dev.scaffold.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/** Everything the sandbox knows: accounts, teams, tokens and repositories; guard with {@link #lock}. */
final class SandboxState {

  /** A user or an organisation. */
  static final class Account {
    final long id;
    final String login;
    final boolean organization;
    final Instant createdAt;
    final Map<String, Team> teams = new TreeMap<>();
    final List<String> members = new ArrayList<>();
    String defaultBranch = "main";
    /** The organisation's owners: they may create repositories even where members may not. */
    final java.util.Set<String> admins = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    /** The organisation setting {@code members_can_create_repositories}. */
    boolean membersCanCreateRepositories = true;
    /** The billing plan: branch protection of a private repository needs more than {@code free}. */
    String plan;
    /** Whether an organisation's answer shows its plan: GitHub shows it to the organisation's owners only. */
    boolean planShown = true;
    /** Custom properties the organisation defines, by name. */
    final Map<String, PropertyDefinition> propertySchema = new TreeMap<>();

    Account(long id, String login, boolean organization, Instant createdAt) {
      this.plan = organization ? "team" : "pro";
      this.id = id;
      this.login = login;
      this.organization = organization;
      this.createdAt = createdAt;
    }

    String type() {
      return organization ? "Organization" : "User";
    }
  }

  /**
   * A custom property of an organisation, as GitHub's schema has it.
   *
   * @param valueType {@code string}, {@code single_select}, {@code multi_select}, {@code true_false} or {@code url}
   * @param allowed the values of a select; empty otherwise
   */
  record PropertyDefinition(String valueType, List<String> allowed, boolean required) {}

  /** A team of an organisation. */
  static final class Team {
    final long id;
    final String slug;
    final String name;
    final Account org;

    Team(long id, String slug, String name, Account org) {
      this.id = id;
      this.slug = slug;
      this.name = name;
      this.org = org;
    }
  }

  /** A pull request. */
  static final class Pull {
    final long id;
    final int number;
    final Account user;
    final String headOwner;
    final String head;
    String base;
    String title;
    String body;
    String state = "open";
    boolean draft;
    boolean maintainerCanModify;
    final Instant createdAt;
    Instant updatedAt;
    Instant closedAt;
    final List<String> comments = new ArrayList<>();

    Pull(long id, int number, Account user, String headOwner, String head, String base, Instant now) {
      this.id = id;
      this.number = number;
      this.user = user;
      this.headOwner = headOwner;
      this.head = head;
      this.base = base;
      this.createdAt = now;
      this.updatedAt = now;
    }

    PullSnapshot snapshot() {
      return new PullSnapshot(number, headOwner, head, base, title, body, state, draft, List.copyOf(comments));
    }
  }

  /** A repository: its GitHub settings plus a real bare git repository. */
  static final class Repo {
    final long id;
    final Account owner;
    final String name;
    final boolean createdByApi;
    Instant createdAt;
    Instant updatedAt;
    Instant pushedAt;
    String visibility = "public";
    String description;
    String homepage;
    String defaultBranch;
    final Map<String, Object> settings = new LinkedHashMap<>(defaultSettings());
    List<String> topics = new ArrayList<>();
    final Map<String, String> teams = new TreeMap<>();
    final Map<String, String> collaborators = new TreeMap<>();
    final Map<String, String> invitations = new TreeMap<>();
    final Map<String, ObjectNode> protections = new TreeMap<>();
    /** Rulesets by id, in GitHub's answer shape. */
    final Map<Long, ObjectNode> rulesets = new TreeMap<>();
    /** The Actions secrets key pair ({public, secret}), made on first use, and the secrets as decrypted. */
    byte[][] secretsKey;
    final Map<String, String> secrets = new TreeMap<>();
    final Map<String, String> variables = new TreeMap<>();
    final Map<String, ObjectNode> environments = new TreeMap<>();
    /** {@code security_and_analysis} features → {@code enabled} or {@code disabled}. */
    final Map<String, String> security = new TreeMap<>();
    boolean vulnerabilityAlerts;
    boolean automatedSecurityFixes;
    /** Custom property values: text or a list of texts. */
    final Map<String, Object> customProperties = new TreeMap<>();
    final List<Pull> pulls = new ArrayList<>();
    int lastNumber;
    final Path gitDir;
    final Repository git;

    Repo(long id, Account owner, String name, boolean createdByApi, Instant now, String defaultBranch, Path gitDir) {
      this.id = id;
      this.owner = owner;
      this.name = name;
      this.createdByApi = createdByApi;
      this.createdAt = now;
      this.updatedAt = now;
      this.pushedAt = now;
      this.defaultBranch = defaultBranch;
      this.gitDir = gitDir;
      try (Git created =
          Git.init().setBare(true).setInitialBranch(defaultBranch).setDirectory(gitDir.toFile()).call()) {
        this.git = created.getRepository();
        // the servlet closes what the resolver hands out, so this reference keeps it open for the sandbox
        this.git.incrementOpen();
      } catch (GitAPIException e) {
        throw new IllegalStateException("cannot create bare repository " + gitDir, e);
      }
    }

    String fullName() {
      return owner.login + "/" + name;
    }

    boolean isPrivate() {
      return !"public".equals(visibility);
    }

    static Map<String, Object> defaultSettings() {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("has_issues", true);
      s.put("has_projects", true);
      s.put("has_wiki", true);
      s.put("has_pages", false);
      s.put("has_downloads", true);
      s.put("has_discussions", false);
      s.put("is_template", false);
      s.put("archived", false);
      s.put("disabled", false);
      s.put("allow_squash_merge", true);
      s.put("allow_merge_commit", true);
      s.put("allow_rebase_merge", true);
      s.put("allow_auto_merge", false);
      s.put("delete_branch_on_merge", false);
      s.put("allow_update_branch", false);
      s.put("use_squash_pr_title_as_default", false);
      s.put("squash_merge_commit_title", "COMMIT_OR_PR_TITLE");
      s.put("squash_merge_commit_message", "COMMIT_MESSAGES");
      s.put("merge_commit_title", "MERGE_MESSAGE");
      s.put("merge_commit_message", "PR_TITLE");
      s.put("allow_forking", true);
      s.put("web_commit_signoff_required", false);
      return s;
    }

    /** The branch's head commit, or empty when there is no such branch. */
    Optional<RevCommit> branchHead(String branch) {
      try {
        Ref ref = git.exactRef(Constants.R_HEADS + branch);
        if (ref == null) return Optional.empty();
        try (RevWalk walk = new RevWalk(git)) {
          return Optional.of(walk.parseCommit(ref.getObjectId()));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Branch name to head commit id, sorted by name. */
    Map<String, ObjectId> branches() {
      try {
        Map<String, ObjectId> out = new TreeMap<>();
        for (Ref ref : git.getRefDatabase().getRefsByPrefix(Constants.R_HEADS)) {
          out.put(ref.getName().substring(Constants.R_HEADS.length()), ref.getObjectId());
        }
        return out;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    Optional<RevCommit> commit(String refOrSha) {
      try {
        ObjectId id = git.resolve(refOrSha);
        if (id == null) return Optional.empty();
        try (RevWalk walk = new RevWalk(git)) {
          return Optional.of(walk.parseCommit(id));
        }
      } catch (IOException | RuntimeException e) {
        return Optional.empty();
      }
    }

    /** True when {@code head} has commits that {@code base} lacks. */
    boolean hasCommitsBeyond(ObjectId head, ObjectId base) {
      try (RevWalk walk = new RevWalk(git)) {
        return !walk.isMergedInto(walk.parseCommit(head), walk.parseCommit(base));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void pointHeadAt(String branch) {
      try {
        RefUpdate u = git.updateRef(Constants.HEAD);
        u.disableRefLog();
        u.link(Constants.R_HEADS + branch);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Like GitHub's {@code auto_init}: one commit with a README on the default branch. */
    void initialCommit(PersonIdent who) {
      try (ObjectInserter ins = git.newObjectInserter()) {
        ObjectId blob =
            ins.insert(Constants.OBJ_BLOB, ("# " + name + "\n").getBytes(StandardCharsets.UTF_8));
        TreeFormatter tree = new TreeFormatter();
        tree.append("README.md", FileMode.REGULAR_FILE, blob);
        CommitBuilder c = new CommitBuilder();
        c.setTreeId(ins.insert(tree));
        c.setAuthor(who);
        c.setCommitter(who);
        c.setMessage("Initial commit\n");
        ObjectId commit = ins.insert(c);
        ins.flush();
        RefUpdate u = git.updateRef(Constants.R_HEADS + defaultBranch);
        u.setNewObjectId(commit);
        u.setExpectedOldObjectId(ObjectId.zeroId());
        RefUpdate.Result r = u.update();
        if (r != RefUpdate.Result.NEW) throw new IOException("initial commit not stored: " + r);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    RepoSnapshot snapshot() {
      Map<String, com.fasterxml.jackson.databind.JsonNode> prot = new TreeMap<>();
      protections.forEach((b, p) -> prot.put(b, p.deepCopy()));
      return new RepoSnapshot(
          id, owner.login, name, isPrivate(), visibility, description, homepage, defaultBranch,
          java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings)), List.copyOf(topics),
          Map.copyOf(teams), Map.copyOf(collaborators), Map.copyOf(invitations), prot,
          pulls.stream().map(Pull::snapshot).toList(), gitDir, createdByApi, rulesetsByName(), Map.copyOf(secrets),
          Map.copyOf(variables), Map.copyOf(environments));
    }

    private Map<String, com.fasterxml.jackson.databind.JsonNode> rulesetsByName() {
      Map<String, com.fasterxml.jackson.databind.JsonNode> out = new TreeMap<>();
      rulesets.values().forEach(r -> out.put(r.path("name").asText(), r.deepCopy()));
      return out;
    }
  }

  final ReentrantLock lock = new ReentrantLock();
  private final AtomicLong ids = new AtomicLong(1000);
  private final Map<String, Account> accounts = new LinkedHashMap<>();
  private final Map<String, String> tokens = new LinkedHashMap<>();
  /** A classic token's OAuth scopes; tokens without an entry act as fine-grained ones (no header, no scope check). */
  final Map<String, java.util.Set<String>> scopes = new LinkedHashMap<>();
  private final Map<String, Repo> repos = new LinkedHashMap<>();
  private final Path gitRoot;
  int legacyTeamGrants;

  SandboxState(Path gitRoot) {
    this.gitRoot = gitRoot;
  }

  static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }

  long nextId() {
    return ids.incrementAndGet();
  }

  private static String key(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  Account addAccount(String login, boolean organization) {
    Account existing = accounts.get(key(login));
    if (existing != null) {
      if (existing.organization != organization) {
        throw new IllegalArgumentException(login + " already exists as a " + existing.type());
      }
      return existing;
    }
    Account a = new Account(nextId(), login, organization, now());
    accounts.put(key(login), a);
    return a;
  }

  Optional<Account> account(String login) {
    return Optional.ofNullable(accounts.get(key(login)));
  }

  List<Account> accounts() {
    return List.copyOf(accounts.values());
  }

  Team addTeam(Account org, String slug, String name) {
    return org.teams.computeIfAbsent(key(slug), s -> new Team(nextId(), s, name, org));
  }

  Optional<Team> teamById(long id) {
    return accounts.values().stream()
        .flatMap(a -> a.teams.values().stream())
        .filter(t -> t.id == id)
        .findFirst();
  }

  void addToken(String token, String login) {
    addAccount(login, false);
    tokens.put(token, login);
  }

  /** A token that GitHub refuses from {@code expiresAt} on, as it does an App's installation token. */
  void addToken(String token, String login, Instant expiresAt) {
    addToken(token, login);
    expiries.put(token, expiresAt);
  }

  private final Map<String, Instant> expiries = new LinkedHashMap<>();

  /** The login of a known token that has not expired. */
  Optional<String> loginForToken(String token) {
    if (token == null) return Optional.empty();
    Instant expires = expiries.get(token);
    if (expires != null && !Instant.now().isBefore(expires)) return Optional.empty();
    return Optional.ofNullable(tokens.get(token));
  }

  /** The organisation role of {@code login}: admin, member, or empty when it is neither. */
  Optional<String> orgRole(Account org, String login) {
    if (org.admins.contains(login)) return Optional.of("admin");
    return org.members.stream().anyMatch(m -> m.equalsIgnoreCase(login)) ? Optional.of("member") : Optional.empty();
  }

  /** A GitHub App: its public key, its installations (owner login → installation id), its bot's login. */
  static final class App {
    final long id;
    final java.security.PublicKey key;
    final Map<String, Long> installations = new LinkedHashMap<>();
    java.time.Duration tokenLifetime = java.time.Duration.ofHours(1);
    int tokensIssued;

    App(long id, java.security.PublicKey key) {
      this.id = id;
      this.key = key;
    }

    String botLogin() {
      return "app-" + id + "[bot]";
    }
  }

  final Map<Long, App> apps = new LinkedHashMap<>();

  /**
   * The app a JWT was signed by, if its RS256 signature verifies with a registered key and it is
   * current (GitHub: {@code exp} at most ten minutes after {@code iat}, not expired).
   */
  Optional<App> appForJwt(String jwt) {
    String[] parts = jwt == null ? new String[0] : jwt.split("\\.");
    if (parts.length != 3) return Optional.empty();
    try {
      com.fasterxml.jackson.databind.JsonNode claims = new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(java.util.Base64.getUrlDecoder().decode(parts[1]));
      App app = apps.get(Long.parseLong(claims.path("iss").asText("-1")));
      if (app == null) return Optional.empty();
      java.security.Signature rsa = java.security.Signature.getInstance("SHA256withRSA");
      rsa.initVerify(app.key);
      rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!rsa.verify(java.util.Base64.getUrlDecoder().decode(parts[2]))) return Optional.empty();
      long now = Instant.now().getEpochSecond();
      long iat = claims.path("iat").asLong();
      long exp = claims.path("exp").asLong();
      if (exp <= now || iat > now + 60 || exp - iat > 600) return Optional.empty();
      return Optional.of(app);
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  Optional<Repo> repo(String owner, String name) {
    return Optional.ofNullable(repos.get(key(owner + "/" + name)));
  }

  List<Repo> repos() {
    return repos.values().stream().sorted(Comparator.comparingLong(r -> r.id)).toList();
  }

  Repo addRepo(Account owner, String name, boolean createdByApi, String defaultBranch) {
    long id = nextId();
    Path dir = gitRoot.resolve(owner.login).resolve(name + ".git");
    Repo r = new Repo(id, owner, name, createdByApi, now(), defaultBranch, dir);
    repos.put(key(r.fullName()), r);
    return r;
  }

  void closeAll() {
    repos.values().forEach(r -> r.git.close());
  }
}
