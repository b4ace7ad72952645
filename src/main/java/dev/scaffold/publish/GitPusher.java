package dev.scaffold.publish;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Shapes a local repository's history for publishing and pushes it over HTTP with a credentials
 * provider (the token never goes into a URL or {@code .git/config}). Implemented with JGit.
 */
public interface GitPusher {

  /**
   * The commits to publish.
   *
   * @param base the commit for the default branch, or null when everything goes to the default branch
   * @param project the commit with the whole project
   */
  record History(String base, String project) {}

  /**
   * Splits HEAD for a pull request: the default branch gets a parentless base commit holding only
   * the files (or folders) {@code basePaths} of HEAD's tree, made afresh each time and never taken
   * from HEAD's history; {@code prBranch} gets HEAD's tree on top of it and is checked out (the
   * work tree does not change). Idempotent: a second call finds the split already made. Refused
   * (input error) when the local default branch holds history of the user's own.
   */
  History split(Path dir, String defaultBranch, String prBranch, List<String> basePaths, String baseMessage);

  /** HEAD's commit, for publishing without a pull request. */
  String head(Path dir);

  /** Whether {@code commit} is a commit of the local repository. */
  boolean isLocal(Path dir, String commit);

  /** Remote branch → commit, as the remote advertises them (one request). */
  Map<String, String> remoteBranches(Path dir, String url, String user, String token);

  /**
   * Sets {@code origin} to {@code url} and pushes each commit to its branch (remote branch →
   * commit), updating remote-tracking refs and making each local branch track its remote one.
   * Fast-forwards only.
   */
  void push(Path dir, String url, String user, String token, Map<String, String> branches);

  /**
   * The repository ({@code OWNER/NAME}) an earlier run created for the project in {@code dir},
   * kept in its git config; empty when none (or {@code dir} is no repository yet).
   */
  default java.util.Optional<String> createdRepository(Path dir) {
    return java.util.Optional.empty();
  }

  /** Records that this project's run created (or adopted) {@code fullName}, for resuming. */
  default void recordCreatedRepository(Path dir, String fullName) {}
}
