package dev.scaffold.publish;

import dev.scaffold.InputException;
import dev.scaffold.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything that would make a later provisioning step fail for good, checked before anything is
 * created, in the fewest reads: the owner (one request, two for a user account), its teams (one
 * listing) and the name (one). All problems are reported at once.
 */
final class Preflight {

  /**
   * What the checks learnt, for the run that follows.
   *
   * @param owner the account the repository goes under
   * @param existing the repository of that name, or null when the name is free
   */
  record Findings(RepoHost.Owner owner, RepoHost.HostedRepo existing) {}

  private Preflight() {}

  /**
   * @param recorded the repository this project's earlier run created, if any
   * @param adopt whether someone else's (empty) repository of that name may be taken over
   * @throws InputException naming every problem found
   */
  static Findings check(GitHubSettings s, RepoHost host, Optional<String> recorded, boolean adopt) {
    List<Problem> problems = new ArrayList<>();
    Optional<RepoHost.Owner> found = host.owner(s.owner());
    RepoHost.Owner owner = found.orElse(null);
    if (owner == null) {
      problems.add(Problem.at("scaffold.yml github.owner", s.owner() + " is neither an organisation the token can see nor the token's"
          + " own account (" + host.login() + ")"));
    } else {
      if (!s.teams().isEmpty() || bypassTeams(s)) {
        teams(s, host, owner, problems);
      }
      scopes(s, owner, problems);
      if ((s.protection() != null || !s.rulesets().isEmpty()) && !s.visibility().equals("public")
          && "free".equals(owner.plan())) {
        problems.add(Problem.at("scaffold.yml github." + (s.protection() != null ? "protection" : "rulesets"),
            (s.protection() != null ? "branch protection" : "rulesets") + " of a " + s.visibility() + " repository "
            + (s.protection() != null ? "needs" : "need") + " a"
            + " paid plan, and " + owner.login() + " is on GitHub Free: make the repository public, drop the protection,"
            + " or upgrade the plan"));
      }
      SecurityPreflight.check(s, host, owner, problems);
    }
    RepoHost.HostedRepo existing = host.find(s.owner(), s.name()).orElse(null);
    if (existing != null) {
      boolean ours = recorded.filter(r -> r.equalsIgnoreCase(s.fullName())).isPresent();
      if (!ours && !adopt) {
        problems.add(Problem.at("scaffold.yml github.name", s.fullName() + " already exists on GitHub and was not created for this"
            + " project: choose another name, or pass --adopt to take over an empty repository"));
      } else if (Boolean.FALSE.equals(existing.settings().get("admin"))) {
        problems.add(Problem.at("scaffold.yml github.name", "the token may not administer " + s.fullName()
            + " (settings, teams and protection need admin rights)"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InputException("GitHub pre-flight found " + problems.size() + " problem(s) for " + s.fullName()
          + "; nothing was created", problems);
    }
    return new Findings(owner, existing);
  }

  private static boolean bypassTeams(GitHubSettings s) {
    boolean rulesets = s.rulesets().stream().anyMatch(r -> r.bypass().stream().anyMatch(a -> a.type().equals("team")));
    return rulesets || s.protection() != null && s.protection().bypass().stream().anyMatch(a -> a.type().equals("team"));
  }

  private static void teams(GitHubSettings s, RepoHost host, RepoHost.Owner owner, List<Problem> problems) {
    if (!owner.organization()) {
      problems.add(Problem.at("scaffold.yml github.teams", owner.login() + " is a user account: teams ("
          + String.join(", ", s.teams().keySet()) + ") need an organisation"));
      return;
    }
    Set<String> slugs;
    try {
      slugs = host.teamSlugs(owner.login());
    } catch (RemoteFailure f) {
      if (f.retryable()) {
        throw f;
      }
      problems.add(Problem.at("scaffold.yml github.teams", "cannot list the teams of " + owner.login() + " (" + f.getMessage()
          + "); a classic token needs the read:org scope"));
      return;
    }
    java.util.Set<String> wanted = new java.util.LinkedHashSet<>(s.teams().keySet());
    s.rulesets().forEach(r -> r.bypass().stream().filter(a -> a.type().equals("team")).forEach(a -> wanted.add(a.name())));
    if (s.protection() != null) {
      s.protection().bypass().stream().filter(a -> a.type().equals("team")).forEach(a -> wanted.add(a.name()));
    }
    for (String team : wanted) {
      if (!slugs.contains(team)) {
        problems.add(Problem.at("scaffold.yml github.teams." + team, "no team " + owner.login() + "/" + team
            + " (or the token cannot see it)"));
      }
    }
  }

  /** A classic token's scopes, when GitHub reports them: creating needs {@code repo} ({@code public_repo} for public). */
  private static void scopes(GitHubSettings s, RepoHost.Owner owner, List<Problem> problems) {
    Set<String> scopes = owner.scopes();
    if (scopes == null) {
      return; // fine-grained or App token: its permissions show in the answers, checked as they come
    }
    boolean canCreate = scopes.contains("repo") || s.visibility().equals("public") && scopes.contains("public_repo");
    if (!canCreate) {
      problems.add(Problem.at("token", "its scopes (" + (scopes.isEmpty() ? "none" : String.join(", ", scopes))
          + ") do not allow creating a " + s.visibility() + " repository: it needs "
          + (s.visibility().equals("public") ? "repo or public_repo" : "repo")));
    }
    if (owner.organization() && !s.teams().isEmpty() && !scopes.contains("read:org") && !scopes.contains("admin:org")
        && !scopes.contains("write:org")) {
      problems.add(Problem.at("token", "its scopes (" + (scopes.isEmpty() ? "none" : String.join(", ", scopes))
          + ") do not allow reading the teams of " + owner.login() + ": it needs read:org"));
    }
  }
}
