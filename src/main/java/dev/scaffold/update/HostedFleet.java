package dev.scaffold.update;

import dev.scaffold.publish.RepoHost;
import dev.scaffold.publish.RetryPolicy;
import java.util.List;
import java.util.Optional;

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

  @Override
  public Optional<RemoteRepo> repo(String owner, String name) {
    return retry.fresh().run(() -> host.find(owner, name)).map(r -> new RemoteRepo(r.fullName(), r.cloneUrl(),
        r.defaultBranch(), r.htmlUrl(), Boolean.TRUE.equals(r.settings().get("archived"))));
  }

  @Override
  public List<String> reposWithTopic(String org, String topic) {
    return retry.fresh().run(() -> host.reposWithTopic(org, topic));
  }

  @Override
  public List<PullRequest> openPullRequests(String owner, String name, String headPrefix) {
    return retry.fresh().run(() -> host.openPullRequests(owner, name)).stream()
        .filter(p -> p.head().startsWith(headPrefix))
        .map(p -> new PullRequest(p.number(), p.url(), p.head(), p.headSha(), p.title(), p.body()))
        .toList();
  }

  @Override
  public PullRequest openPullRequest(String owner, String name, String head, String base, String title, String body) {
    RetryPolicy r = retry.fresh();
    String url;
    try {
      url = r.run(() -> host.openPullRequest(owner, name, head, base, title, body));
    } catch (RuntimeException e) {
      // a lost answer to a create that worked: GitHub then says one exists, so look for it
      url = r.run(() -> host.findPullRequest(owner, name, head, base)).orElseThrow(() -> e);
    }
    int number = Integer.parseInt(url.substring(url.lastIndexOf('/') + 1));
    return new PullRequest(number, url, head, null, title, body);
  }

  @Override
  public void updatePullRequest(String owner, String name, int number, String title, String body) {
    retry.fresh().run(() -> host.updatePullRequest(owner, name, number, title, body));
  }

  @Override
  public void closePullRequest(String owner, String name, int number, String comment) {
    RetryPolicy r = retry.fresh();
    r.run(() -> host.comment(owner, name, number, comment));
    r.run(() -> host.closePullRequest(owner, name, number));
  }
}
