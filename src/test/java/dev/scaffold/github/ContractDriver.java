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

  /** An app with a freshly generated key: the mock checks the request, not the signature. */
  private static AppToken app(String url) {
    try {
      java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return new AppToken(url, "4242", g.generateKeyPair().getPrivate(), "acme", java.time.Clock.systemUTC());
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> properties() {
    Map<String, Object> p = new java.util.LinkedHashMap<>();
    p.put("team", "platform");
    p.put("languages", List.of("java", "kotlin"));
    p.put("retired", null);
    return p;
  }

  public static void main(String[] args) {
    GitHubRepoHost h = GitHubRepoHost.connect(args[0], System.getenv().getOrDefault("GITHUB_TOKEN", "dummy-token"));
    GitHubSettings s = new GitHubSettings(true, "acme", "demo", "private", "Demo", "https://example.com",
        List.of("java"), Map.of("devs", "admin"), Map.of("alice", "push"), "main",
        Map.of("allow_squash_merge", true, "allow_merge_commit", false, "delete_branch_on_merge", true),
        new GitHubSettings.Protection(1, true, true, List.of("build"), true, false, true),
        new GitHubSettings.PullRequest("scaffold/initial", "Initial", "Body"));
    GitHubSettings user = new GitHubSettings(true, "octo", "demo", "public", null, null, List.of(), Map.of(), Map.of(),
        "main", Map.of(), null, null);
    GitHubSettings.Protection rich = new GitHubSettings.Protection(2, true, true, List.of("build", "lint"), true, true,
        true, true, true, true, false, false, Map.of("lint", 15368L),
        List.of(new GitHubSettings.Actor("team", "devs", "always"), new GitHubSettings.Actor("user", "alice", "always")),
        List.of(new GitHubSettings.Actor("team", "devs", "always"), new GitHubSettings.Actor("app", "deploy-bot", "always")));
    GitHubSettings.Ruleset ruleset = new GitHubSettings.Ruleset("default branch", "branch", "active",
        List.of("~DEFAULT_BRANCH"), List.of(), List.of(new GitHubSettings.Actor("team", "devs", "pull_request"),
            new GitHubSettings.Actor("role", "admin", "always"), new GitHubSettings.Actor("app", "42", "always")),
        new GitHubSettings.Protection(1, true, true, List.of("build"), true, false, true, true, true, true, false, false,
            Map.of("build", 15368L), List.of(), null));
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
        () -> h.openPullRequest("acme", "demo", "scaffold/initial", "main", "Initial", "Body"),
        // pre-flight
        () -> h.owner("acme"),
        () -> h.owner("octo"),
        () -> h.teamSlugs("acme"),
        () -> h.orgRole("acme"),
        // richer classic protection and rulesets
        () -> h.protect("acme", "demo", "main", rich),
        () -> h.rulesets("acme", "demo"),
        () -> h.teamId("acme", "devs"),
        () -> h.putRuleset("acme", "demo", null, ruleset, Map.of("devs", 42L)),
        () -> h.putRuleset("acme", "demo", 42L, ruleset, Map.of("devs", 42L)),
        // Actions
        () -> h.actionsSecretKey("acme", "demo"),
        () -> h.putActionsSecret("acme", "demo", "SONAR_TOKEN",
            java.util.Base64.getEncoder().encodeToString(new byte[64]), "012345678912345678"),
        () -> h.putActionsVariable("acme", "demo", "JAVA_VERSION", "21"),
        // the mock finds every variable: the create that follows a 404 is sent on its own
        () -> h.createActionsVariable("acme", "demo", "JAVA_VERSION", "21"),
        () -> h.putEnvironment("acme", "demo", "production", 30, List.of(Map.entry("Team", 42L), Map.entry("User", 7L))),
        () -> h.userId("alice"),
        // security features and custom properties
        () -> h.setVulnerabilityAlerts("acme", "demo", true),
        () -> h.setAutomatedSecurityFixes("acme", "demo", true),
        () -> h.setAutomatedSecurityFixes("acme", "demo", false),
        () -> h.setVulnerabilityAlerts("acme", "demo", false),
        () -> h.setSecurityAndAnalysis("acme", "demo",
            Map.of("secret_scanning", true, "secret_scanning_push_protection", false)),
        () -> h.setCustomProperties("acme", "demo", properties()),
        () -> h.customPropertySchema("acme"),
        // fleet updates and update --pr
        () -> h.reposWithTopic("acme", "java-library"),
        // the mock answers every organisation: a user's own listing, asked after a 404, is sent on its own
        () -> h.userReposWithTopic("octo", "java-library"),
        () -> h.openPullRequests("acme", "demo"),
        () -> h.commit("acme", "demo", "6dcb09b5b57875f334f61aebed695e2e4193db5e"),
        () -> h.updatePullRequest("acme", "demo", 1347, "Update", "Body"),
        () -> h.closePullRequest("acme", "demo", 1347),
        () -> h.comment("acme", "demo", 1347, "Superseded"),
        // GitHub App: the installation of an owner and its token, with a JWT; the mock answers the
        // organisation's installation, so the user's, asked after a 404, is sent on its own
        () -> app(args[0]).get(),
        () -> {
          AppToken app = app(args[0]);
          app.installationAs(app.appRest(), "users");
        });
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
