package dev.scaffold.github;

import dev.scaffold.publish.GitHubSettings;
import dev.scaffold.publish.RemoteFailure;
import java.util.List;
import java.util.Map;

/**
 * Sends every request {@link GitHubRepoHost} can make once, for {@code scripts/github-contract-check}:
 * a stateless mock answers with example data, so answers and failures are printed, not judged.
 */
public final class ContractDriver {

  private ContractDriver() {}

  public static void main(String[] args) {
    GitHubRepoHost h = GitHubRepoHost.connect(args[0], System.getenv().getOrDefault("GITHUB_TOKEN", "dummy-token"));
    GitHubSettings s = new GitHubSettings(true, "acme", "demo", "private", "Demo", "https://example.com",
        List.of("java"), Map.of("devs", "admin"), Map.of("alice", "push"), "main",
        Map.of("allow_squash_merge", true, "allow_merge_commit", false, "delete_branch_on_merge", true),
        new GitHubSettings.Protection(1, true, true, List.of("build"), true, false, true),
        new GitHubSettings.PullRequest("scaffold/initial", "Initial", "Body"));
    GitHubSettings user = new GitHubSettings(true, "octo", "demo", "public", null, null, List.of(), Map.of(), Map.of(),
        "main", Map.of(), null, null);
    List<Runnable> calls = List.of(
        h::login,
        () -> h.find("acme", "demo"),
        () -> h.create(s, true),
        () -> h.create(user, false),
        () -> h.update(s),
        () -> h.setDefaultBranch("acme", "demo", "main"),
        () -> h.topics("acme", "demo"),
        () -> h.setTopics("acme", "demo", s.topics()),
        () -> h.teams("acme", "demo"),
        () -> h.grantTeam("acme", "demo", "devs", "maintain"),
        () -> h.collaborators("acme", "demo"),
        () -> h.grantCollaborator("acme", "demo", "alice", "push"),
        () -> h.protection("acme", "demo", "main"),
        () -> h.protect("acme", "demo", "main", s.protection()),
        () -> h.protect("acme", "demo", "main", new GitHubSettings.Protection(null, false, false, List.of(), false, true, false)),
        () -> h.findPullRequest("acme", "demo", "scaffold/initial", "main"),
        () -> h.openPullRequest("acme", "demo", "scaffold/initial", "main", "Initial", "Body"));
    int i = 0;
    for (Runnable c : calls) {
      i++;
      try {
        c.run();
        System.out.println("call " + i + ": answered");
      } catch (RemoteFailure f) {
        System.out.println("call " + i + ": " + f.getMessage());
      }
    }
  }
}
