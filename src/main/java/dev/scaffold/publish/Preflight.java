package dev.scaffold.publish;

import dev.scaffold.InputException;
import dev.scaffold.Problem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything that would make a later provisioning step fail for good, checked before anything is
 * created, in the fewest reads: the owner (one request, two for a user account), its teams (one
 * listing), the token user's role when the organisation lets only owners create (one), and the
 * name (one) only where the create call cannot stand in for it: a dry run, a resumed run, or a run
 * that fails anyway. Otherwise GitHub's "name already exists" to the create call is the signal to
 * read it ({@link #nameProblem}). All problems are reported at once.
 */
final class Preflight {

  /**
   * What the checks learnt, for the run that follows.
   *
   * @param owner the account the repository goes under
   * @param existing the repository of that name, or null when the name is free or was not read
   * @param nameRead whether the name was looked up ({@code existing} null then means free)
   */
  record Findings(RepoHost.Owner owner, RepoHost.HostedRepo existing, boolean nameRead) {}

  /**
   * What the checks are asked about.
   *
   * @param recorded the repository this project's earlier run created, if any
   * @param adopt whether someone else's (empty) repository of that name may be taken over
   * @param paths the project's files, relative and {@code /}-separated
   * @param readName whether the name must be read now (a dry run sends no create call)
   * @param appToken whether the token is a GitHub App's installation token (the app, not a member, creates)
   */
  record Request(Optional<String> recorded, boolean adopt, Collection<String> paths, boolean readName, boolean appToken) {}

  private Preflight() {}

  /** @throws InputException naming every problem found */
  static Findings check(GitHubSettings s, RepoHost host, Request req) {
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
      workflows(owner, req.paths(), problems);
      if (!req.appToken()) {
        creation(s, host, owner, problems);
      }
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
    boolean readName = req.readName() || req.recorded().isPresent() || !problems.isEmpty();
    RepoHost.HostedRepo existing = readName ? host.find(s.owner(), s.name()).orElse(null) : null;
    if (existing != null) {
      Problem p = nameProblem(s, existing, req.recorded(), req.adopt());
      if (p != null) {
        problems.add(p);
      }
    }
    if (!problems.isEmpty()) {
      throw refusal(s, problems, "nothing was created");
    }
    return new Findings(owner, existing, readName);
  }

  static InputException refusal(GitHubSettings s, List<Problem> problems, String outcome) {
    return new InputException("GitHub pre-flight found " + problems.size() + " problem(s) for " + s.fullName() + "; "
        + outcome, problems);
  }

  /**
   * Why {@code existing}, the repository of the name, may not be used: someone else's without
   * {@code adopt}, or one the token may not administer; null when it may.
   */
  static Problem nameProblem(GitHubSettings s, RepoHost.HostedRepo existing, Optional<String> recorded, boolean adopt) {
    boolean ours = recorded.filter(r -> r.equalsIgnoreCase(s.fullName())).isPresent();
    if (!ours && !adopt) {
      return Problem.at("scaffold.yml github.name", s.fullName() + " already exists on GitHub and was not created for this"
          + " project: choose another name, or pass --adopt to take over an empty repository");
    }
    if (Boolean.FALSE.equals(existing.settings().get("admin"))) {
      return Problem.at("scaffold.yml github.name", "the token may not administer " + s.fullName()
          + " (settings, teams and protection need admin rights)");
    }
    return null;
  }

  /**
   * GitHub refuses a classic token's push that adds or changes {@code .github/workflows/} files
   * unless it has the {@code workflow} scope.
   */
  private static void workflows(RepoHost.Owner owner, Collection<String> paths, List<Problem> problems) {
    Set<String> scopes = owner.scopes();
    if (scopes == null || scopes.contains("workflow")) {
      return; // fine-grained and App tokens: GitHub checks their Workflows permission on the push
    }
    List<String> workflows = paths.stream().filter(p -> p.startsWith(".github/workflows/")).sorted().toList();
    if (!workflows.isEmpty()) {
      problems.add(Problem.at("token", "its scopes (" + (scopes.isEmpty() ? "none" : String.join(", ", scopes))
          + ") do not allow pushing workflow files (" + String.join(", ", workflows.subList(0, Math.min(3, workflows.size())))
          + (workflows.size() > 3 ? ", ..." : "") + "): it needs the workflow scope"));
    }
  }

  /**
   * An organisation may let only its owners create repositories (of some visibility): then the
   * token user's role is read, one request, and only then.
   */
  private static void creation(GitHubSettings s, RepoHost host, RepoHost.Owner owner, List<Problem> problems) {
    if (!owner.organization() || owner.memberVisibilities() == null
        || owner.memberVisibilities().contains(s.visibility())) {
      return;
    }
    Optional<String> role;
    try {
      role = host.orgRole(owner.login());
    } catch (RemoteFailure f) {
      if (f.retryable()) {
        throw f;
      }
      return; // the token may not read its membership: the create call will tell
    }
    if (role.filter("admin"::equals).isEmpty()) {
      problems.add(Problem.at("scaffold.yml github.owner", owner.login() + " lets only its owners create " + s.visibility()
          + " repositories, and the token's user is " + (role.isEmpty() ? "not a member" : "a " + role.get())
          + ": ask an owner to create it, or to allow members to"));
    }
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
