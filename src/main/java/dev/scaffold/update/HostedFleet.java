package dev.scaffold.update;

import dev.scaffold.OperationException;
import dev.scaffold.publish.RemoteFailure;
import dev.scaffold.publish.RepoHost;
import dev.scaffold.publish.RetryPolicy;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link FleetHost} over the {@link RepoHost} that provisioning uses: every call under the retry
 * policy, each with its own time budget so parallel workers do not share one deadline. Waiting for
 * rate limits is shared through the one {@link RepoHost} all workers use.
 */
public final class HostedFleet implements FleetHost {

  private final RepoHost host;
  private final RetryPolicy retry;

  public HostedFleet(RepoHost host, RetryPolicy retry) {
    this.host = host;
    this.retry = retry;
  }

  /** Runs a call under a fresh retry budget; a final remote failure becomes scaffold's runtime failure. */
  private <T> T call(Supplier<T> action) {
    try {
      return retry.fresh().run(action);
    } catch (RemoteFailure f) {
      throw new OperationException(f.getMessage(), f);
    }
  }

  private void call(Runnable action) {
    call(() -> {
      action.run();
      return null;
    });
  }

  @Override
  public Optional<RemoteRepo> repo(String owner, String name) {
    return call(() -> host.find(owner, name)).map(r -> new RemoteRepo(r.fullName(), r.cloneUrl(),
        r.defaultBranch(), r.htmlUrl(), Boolean.TRUE.equals(r.settings().get("archived"))));
  }

  @Override
  public List<String> reposWithTopic(String org, String topic) {
    return call(() -> host.reposWithTopic(org, topic));
  }

  @Override
  public List<PullRequest> openPullRequests(String owner, String name, String headPrefix) {
    return call(() -> host.openPullRequests(owner, name)).stream()
        .filter(p -> p.head().startsWith(headPrefix))
        .map(p -> new PullRequest(p.number(), p.url(), p.head(), p.headSha(), p.title(), p.body()))
        .toList();
  }

  @Override
  public Optional<String> closedPullRequest(String owner, String name, String head, String base) {
    // the caller knows none is open, so any pull request of the branch is a closed one
    return call(() -> host.findPullRequest(owner, name, head, base));
  }

  @Override
  public Optional<Commit> commit(String owner, String name, String sha) {
    return call(() -> host.commit(owner, name, sha)).map(c -> new Commit(c.sha(), c.tree(), c.message()));
  }

  @Override
  public PullRequest openPullRequest(String owner, String name, String head, String base, String title, String body) {
    String url;
    try {
      url = call(() -> host.openPullRequest(owner, name, head, base, title, body));
    } catch (OperationException e) {
      // a lost answer to a create that worked: GitHub then says one exists, so look for it
      url = call(() -> host.findPullRequest(owner, name, head, base)).orElseThrow(() -> e);
    }
    int number = Integer.parseInt(url.substring(url.lastIndexOf('/') + 1));
    return new PullRequest(number, url, head, null, title, body);
  }

  @Override
  public void updatePullRequest(String owner, String name, int number, String title, String body) {
    call(() -> host.updatePullRequest(owner, name, number, title, body));
  }

  @Override
  public void closePullRequest(String owner, String name, int number, String comment) {
    call(() -> host.comment(owner, name, number, comment));
    call(() -> host.closePullRequest(owner, name, number));
  }
}
