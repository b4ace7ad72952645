package dev.scaffold.update;

import java.util.List;
import java.util.Optional;

/**
 * The repository host as a fleet update needs it: find repositories, and find, open, update and
 * close pull requests. Implemented over {@code publish.RepoHost}; tests use an in-memory fake.
 * Failures are runtime exceptions; retrying and rate limits are the implementation's business.
 */
public interface FleetHost {

  /** A repository: where to clone it from and the branch pull requests target. */
  record RemoteRepo(String fullName, String cloneUrl, String defaultBranch, String htmlUrl, boolean archived) {}

  /**
   * An open pull request.
   *
   * @param head the head branch, in the same repository
   * @param headSha the head branch's commit as the host last saw it
   */
  record PullRequest(int number, String url, String head, String headSha, String title, String body) {}

  /** A commit as the host has it. */
  record Commit(String sha, String tree, String message) {}

  /** The repository, or empty when it does not exist or the token may not see it. */
  Optional<RemoteRepo> repo(String owner, String name);

  /** {@code OWNER/NAME} of every repository of {@code org} that has {@code topic}, sorted. */
  List<String> reposWithTopic(String org, String topic);

  /** The open pull requests of the repository whose head branch starts with {@code headPrefix}. */
  List<PullRequest> openPullRequests(String owner, String name, String headPrefix);

  /**
   * The address of a pull request from {@code head} into {@code base} that is closed (merged or
   * not), when there is one and none is open.
   */
  Optional<String> closedPullRequest(String owner, String name, String head, String base);

  /** The commit {@code sha} of the repository, or empty when it has none such. */
  Optional<Commit> commit(String owner, String name, String sha);

  PullRequest openPullRequest(String owner, String name, String head, String base, String title, String body);

  void updatePullRequest(String owner, String name, int number, String title, String body);

  /** Closes a pull request, leaving {@code comment} on it first. */
  void closePullRequest(String owner, String name, int number, String comment);
}
