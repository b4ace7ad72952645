package dev.scaffold.update;

import dev.scaffold.OperationException;
import dev.scaffold.sandbox.GitHubSandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory {@link FleetHost} whose repositories live, for git, on a sandbox; pull requests live here. */
final class FakeFleetHost implements FleetHost {

  /** A pull request as the fake keeps it. */
  static final class Pull {
    final int number;
    final String repo;
    final String head;
    final String base;
    String title;
    String body;
    boolean open = true;
    final List<String> comments = new ArrayList<>();

    Pull(int number, String repo, String head, String base, String title, String body) {
      this.number = number;
      this.repo = repo;
      this.head = head;
      this.base = base;
      this.title = title;
      this.body = body;
    }
  }

  private final GitHubSandbox gh;
  final Map<String, Set<String>> topics = new ConcurrentHashMap<>();
  final Set<String> failing = ConcurrentHashMap.newKeySet();
  final List<Pull> pulls = new ArrayList<>();
  final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private int lastNumber;

  FakeFleetHost(GitHubSandbox gh) {
    this.gh = gh;
  }

  private void count(String what) {
    calls.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
  }

  @Override
  public Optional<RemoteRepo> repo(String owner, String name) {
    count("repo");
    String full = owner + "/" + name;
    if (failing.contains(full)) {
      throw new OperationException("GET /repos/" + full + " answered 500: Server Error");
    }
    return gh.repo(full).map(r -> new RemoteRepo(full, gh.cloneUrl(full), r.defaultBranch(),
        gh.baseUrl() + "/" + full, false));
  }

  @Override
  public List<String> reposWithTopic(String org, String topic) {
    count("topic");
    return topics.entrySet().stream()
        .filter(e -> e.getKey().startsWith(org + "/") && e.getValue().contains(topic))
        .map(Map.Entry::getKey).sorted().toList();
  }

  @Override
  public synchronized List<PullRequest> openPullRequests(String owner, String name, String headPrefix) {
    count("list");
    String full = owner + "/" + name;
    List<PullRequest> out = new ArrayList<>();
    for (Pull p : pulls) {
      if (p.open && p.repo.equals(full) && p.head.startsWith(headPrefix)) {
        out.add(dto(p));
      }
    }
    return out;
  }

  private PullRequest dto(Pull p) {
    try {
      return new PullRequest(p.number, url(p), p.head, FleetFixture.head(gh, p.repo, p.head).orElse(null), p.title,
          p.body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String url(Pull p) {
    return gh.baseUrl() + "/" + p.repo + "/pull/" + p.number;
  }

  @Override
  public synchronized Optional<String> closedPullRequest(String owner, String name, String head, String base) {
    count("closed");
    return pulls.stream().filter(p -> !p.open && p.repo.equals(owner + "/" + name) && p.head.equals(head))
        .map(this::url).findFirst();
  }

  @Override
  public Optional<Commit> commit(String owner, String name, String sha) {
    count("commit");
    try (org.eclipse.jgit.lib.Repository repo = new org.eclipse.jgit.storage.file.FileRepositoryBuilder()
        .setGitDir(gh.gitDir(owner + "/" + name).toFile()).build();
        org.eclipse.jgit.revwalk.RevWalk walk = new org.eclipse.jgit.revwalk.RevWalk(repo)) {
      var c = walk.parseCommit(org.eclipse.jgit.lib.ObjectId.fromString(sha));
      return Optional.of(new Commit(c.name(), c.getTree().name(), c.getFullMessage()));
    } catch (org.eclipse.jgit.errors.MissingObjectException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized PullRequest openPullRequest(String owner, String name, String head, String base, String title,
      String body) {
    count("open");
    String full = owner + "/" + name;
    for (Pull p : pulls) {
      if (p.open && p.repo.equals(full) && p.head.equals(head)) {
        throw new OperationException("A pull request already exists for " + owner + ":" + head);
      }
    }
    Pull p = new Pull(++lastNumber, full, head, base, title, body);
    pulls.add(p);
    return dto(p);
  }

  @Override
  public synchronized void updatePullRequest(String owner, String name, int number, String title, String body) {
    count("update");
    Pull p = find(owner + "/" + name, number);
    p.title = title;
    p.body = body;
  }

  @Override
  public synchronized void closePullRequest(String owner, String name, int number, String comment) {
    count("close");
    Pull p = find(owner + "/" + name, number);
    p.comments.add(comment);
    p.open = false;
  }

  private Pull find(String full, int number) {
    return pulls.stream().filter(p -> p.repo.equals(full) && p.number == number).findFirst()
        .orElseThrow(() -> new OperationException("no pull request #" + number + " in " + full));
  }

  synchronized List<Pull> pulls(String full) {
    return pulls.stream().filter(p -> p.repo.equals(full)).toList();
  }

  Map<String, Integer> calls() {
    Map<String, Integer> out = new LinkedHashMap<>();
    calls.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }
}
