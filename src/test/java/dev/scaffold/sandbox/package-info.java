/**
 * A stateful GitHub on loopback for tests and for trying scaffold by hand ({@code scripts/github-sandbox}).
 *
 * <p>{@link dev.scaffold.sandbox.GitHubSandbox} serves, on {@code http://127.0.0.1:PORT} (no
 * {@code /api/v3}), the REST routes scaffold needs with GitHub's statuses, headers and JSON shapes
 * (repositories, topics, teams, collaborators, branches, refs, protection, pull requests, org
 * listing, search, rate limit), and git smart-HTTP at each repository's {@code clone_url}
 * ({@code /git/OWNER/NAME.git}, HTTP Basic with the token as password). Every request needs a known
 * token (an App's installation token only until it expires); each token has a primary rate-limit budget.
 * A classic token's scopes are enforced where GitHub enforces them (creating repositories, pushing
 * workflow files), as is an organisation's {@code members_can_create_repositories}. {@link dev.scaffold.sandbox.Fault}s inject
 * error statuses, primary and secondary rate limits, dropped connections (before or after the
 * request took effect) and failed pushes; {@code /_sandbox/faults}, {@code /_sandbox/latency},
 * {@code /_sandbox/requests}, {@code /_sandbox/repos}, {@code /_sandbox/orgs} and
 * {@code /_sandbox/users} do the same over HTTP for the script.
 *
 * <pre>{@code
 * try (GitHubSandbox gh = GitHubSandbox.builder()
 *     .token("t0k3n", "octo").org("acme", "devs", "ops").user("alice").member("acme", "bob")
 *     .rateLimit(5000).latencyMs(0).start()) {
 *   gh.createRepo("acme/existing", "main", true);              // made by "someone else"
 *   gh.faults().add(Fault.status("POST", "^/orgs/acme/repos$", 502).times(2));
 *   gh.faults().add(Fault.secondaryRateLimit("PUT", "/topics$", 403, 1));
 *   // ... run scaffold with --github-url gh.baseUrl() and GITHUB_TOKEN=t0k3n ...
 *   RepoSnapshot repo = gh.repo("acme/demo").orElseThrow();
 *   repo.teams();              // {devs=maintain}
 *   repo.protections().get("main").path("required_linear_history").path("enabled");
 *   repo.pulls().get(0).head(); // "scaffold/initial"
 *   repo.gitDir();             // open with JGit: FileRepositoryBuilder().setGitDir(..)
 *   gh.count("PUT", "^/orgs/acme/teams/");  gh.legacyTeamGrants();  gh.requests();
 * }
 * }</pre>
 */
package dev.scaffold.sandbox;
