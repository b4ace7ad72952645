package dev.scaffold.publish;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A place that hosts repositories (GitHub): reads and idempotent writes, one request each.
 * Implemented on github-api in {@code dev.scaffold.github}. Failures are {@link RemoteFailure}s.
 */
public interface RepoHost {

  /**
   * A repository as the host describes it; {@code settings} holds the merge and feature flags,
   * {@code archived}, and {@code admin} (whether the token may administer it) when reported;
   * {@code createdAt} is null when not reported.
   */
  record HostedRepo(
      String owner, String name, String htmlUrl, String cloneUrl, String defaultBranch, String visibility,
      String description, String homepage, Map<String, Boolean> settings, java.time.Instant createdAt) {

    public HostedRepo(String owner, String name, String htmlUrl, String cloneUrl, String defaultBranch, String visibility,
        String description, String homepage, Map<String, Boolean> settings) {
      this(owner, name, htmlUrl, cloneUrl, defaultBranch, visibility, description, homepage, settings, null);
    }

    public String fullName() {
      return owner + "/" + name;
    }
  }

  /** The login the token belongs to. */
  String login();

  /**
   * An account repositories can be created under, as pre-flight checks need it.
   *
   * @param plan the billing plan's name ({@code free}, {@code pro}, {@code team}, ...), or null when not shown
   * @param scopes the token's OAuth scopes, or null when GitHub reports none (fine-grained and App tokens)
   * @param memberVisibilities the visibilities an organisation's members may create repositories with
   *     ({@code members_can_create_*_repositories}; its owners may create any), or null when not shown
   */
  record Owner(String login, boolean organization, String plan, java.util.Set<String> scopes,
      java.util.Set<String> memberVisibilities) {

    public Owner(String login, boolean organization, String plan, java.util.Set<String> scopes) {
      this(login, organization, plan, scopes, null);
    }
  }

  /**
   * The token user's role in the organisation ({@code admin}, {@code member}, ...); empty when it is
   * no member. A {@link RemoteFailure} when the token may not ask (an App's installation token).
   */
  default Optional<String> orgRole(String org) {
    throw new UnsupportedOperationException("orgRole");
  }

  /**
   * {@code owner} as an organisation, else as the token's own account; empty when it is neither
   * (no such account, or somebody else's).
   */
  default Optional<Owner> owner(String owner) {
    throw new UnsupportedOperationException("owner");
  }

  /** The slugs (lower case) of the organisation's teams the token can see. */
  default java.util.Set<String> teamSlugs(String org) {
    throw new UnsupportedOperationException("teamSlugs");
  }

  Optional<HostedRepo> find(String owner, String name);

  /**
   * Creates the repository under an organisation ({@code inOrg}) or the token's user, with every
   * setting the create call takes.
   *
   * @return empty when {@code inOrg} and the host knows no such organisation
   */
  Optional<HostedRepo> create(GitHubSettings s, boolean inOrg);

  /** Sets visibility, description, homepage and flags of an existing repository. */
  HostedRepo update(GitHubSettings s);

  void setDefaultBranch(String owner, String name, String branch);

  List<String> topics(String owner, String name);

  void setTopics(String owner, String name, List<String> topics);

  /** Team slug → permission (pull, triage, push, maintain, admin). */
  Map<String, String> teams(String owner, String name);

  void grantTeam(String owner, String name, String team, String permission);

  /** Login → permission, collaborators and pending invitations alike. */
  Map<String, String> collaborators(String owner, String name);

  void grantCollaborator(String owner, String name, String login, String permission);

  /** The rule on {@code branch}, or empty when it is not protected. */
  Optional<GitHubSettings.Protection> protection(String owner, String name, String branch);

  void protect(String owner, String name, String branch, GitHubSettings.Protection rule);

  /** The repository's rulesets: name → id. */
  default Map<String, Long> rulesets(String owner, String name) {
    throw new UnsupportedOperationException("rulesets");
  }

  /**
   * Creates ({@code id} null) or replaces a ruleset.
   *
   * @param teamIds team slug → id, for the bypass actors that are teams
   */
  default void putRuleset(String owner, String name, Long id, GitHubSettings.Ruleset ruleset, Map<String, Long> teamIds) {
    throw new UnsupportedOperationException("putRuleset");
  }

  /** The key Actions secrets of the repository are sealed with: its id and the 32 bytes, base64. */
  record SecretKey(String id, String key) {}

  default SecretKey actionsSecretKey(String owner, String name) {
    throw new UnsupportedOperationException("actionsSecretKey");
  }

  /** Creates or replaces an Actions secret with a value sealed for {@code keyId} (base64). */
  default void putActionsSecret(String owner, String name, String secret, String sealedBase64, String keyId) {
    throw new UnsupportedOperationException("putActionsSecret");
  }

  /** Creates or updates an Actions variable. */
  default void putActionsVariable(String owner, String name, String variable, String value) {
    throw new UnsupportedOperationException("putActionsVariable");
  }

  /**
   * Creates or updates a deployment environment.
   *
   * @param reviewers "User" or "Team" → ids
   */
  default void putEnvironment(String owner, String name, String environment, Integer waitTimer,
      List<Map.Entry<String, Long>> reviewers) {
    throw new UnsupportedOperationException("putEnvironment");
  }

  /** The numeric id of a user. */
  default long userId(String login) {
    throw new UnsupportedOperationException("userId");
  }

  /** The id of the organisation's team {@code slug}. */
  default long teamId(String org, String slug) {
    throw new UnsupportedOperationException("teamId");
  }

  /** Turns Dependabot alerts on or off ({@code vulnerability-alerts}). */
  default void setVulnerabilityAlerts(String owner, String name, boolean on) {
    throw new UnsupportedOperationException("setVulnerabilityAlerts");
  }

  /** Turns Dependabot security updates on or off ({@code automated-security-fixes}); on needs alerts. */
  default void setAutomatedSecurityFixes(String owner, String name, boolean on) {
    throw new UnsupportedOperationException("setAutomatedSecurityFixes");
  }

  /** Sets {@code security_and_analysis} features (secret scanning, push protection) on or off. */
  default void setSecurityAndAnalysis(String owner, String name, Map<String, Boolean> features) {
    throw new UnsupportedOperationException("setSecurityAndAnalysis");
  }

  /** Sets custom property values (text, list of texts, or null to unset) the organisation defines. */
  default void setCustomProperties(String owner, String name, Map<String, Object> values) {
    throw new UnsupportedOperationException("setCustomProperties");
  }

  /**
   * A custom property an organisation defines.
   *
   * @param valueType {@code string}, {@code single_select}, {@code multi_select}, {@code true_false} or {@code url}
   * @param allowedValues the values a select takes; empty for the other types
   */
  record PropertyDefinition(String valueType, List<String> allowedValues, boolean required) {}

  /** The custom properties the organisation defines, by name. */
  default Map<String, PropertyDefinition> customPropertySchema(String org) {
    throw new UnsupportedOperationException("customPropertySchema");
  }

  /** The web URL of a pull request (open, closed or merged) from {@code head} into {@code base}. */
  Optional<String> findPullRequest(String owner, String name, String head, String base);

  /** Opens a pull request and returns its web URL. */
  String openPullRequest(String owner, String name, String head, String base, String title, String body);

  /**
   * An open pull request whose head branch is in the repository itself.
   *
   * @param headSha the head branch's commit as the host last saw it
   */
  record PullRequest(int number, String url, String head, String headSha, String title, String body) {}

  /**
   * {@code OWNER/NAME} of the organisation's repositories that have {@code topic}, archived ones left
   * out; when {@code org} is no organisation, of the token's own repositories if it is its login.
   */
  List<String> reposWithTopic(String org, String topic);

  /** The open pull requests whose head branch lives in the repository itself, newest first. */
  List<PullRequest> openPullRequests(String owner, String name);

  /** A commit's tree and message. */
  record CommitInfo(String sha, String tree, String message) {}

  /** The commit {@code sha} of the repository, or empty when it has none such. */
  Optional<CommitInfo> commit(String owner, String name, String sha);

  /** Sets the title and body of a pull request. */
  void updatePullRequest(String owner, String name, int number, String title, String body);

  /** Closes a pull request (its branch stays). */
  void closePullRequest(String owner, String name, int number);

  /** Adds a comment to a pull request's conversation. */
  void comment(String owner, String name, int number, String text);
}
