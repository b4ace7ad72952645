package dev.scaffold.update;

import dev.scaffold.InputException;
import dev.scaffold.OperationException;
import dev.scaffold.Progress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pushes an update branch and opens its pull request, or updates the scaffold pull request already
 * open for it; never two. The branch belongs to scaffold: it is replaced on a new run, unless
 * someone else pushed to it, in which case it is left alone. A version whose pull request was
 * closed is not proposed again. Open scaffold pull requests of older versions are closed as
 * superseded. Serves {@code scaffold update --pr} and fleet updates.
 */
public final class PullRequestPublisher implements ChangePublisher {

  /** What publishing did. */
  public enum Kind {
    OPENED,
    UPDATED,
    /** the open pull request already holds this exact content: nothing pushed */
    UNCHANGED,
    /** someone else pushed to the branch: nothing pushed, nothing changed */
    KEPT,
    /** the pull request for this branch was closed: this version is not proposed again */
    DECLINED
  }

  /** The pull request and what happened to it. */
  public record Published(Kind kind, String url) {}

  private static final Pattern GITHUB_PATH = Pattern.compile("[/:]([^/:]+)/([^/]+?)(?:\\.git)?/?$");

  private final FleetHost host;
  private final RepoWorkspace workspace;
  private final Map<String, String> env;
  private final Progress progress;

  /** @param env read for {@code GITHUB_REPOSITORY} (set by GitHub Actions), which wins over the origin URL */
  public PullRequestPublisher(FleetHost host, RepoWorkspace workspace, Map<String, String> env, Progress progress) {
    this.host = host;
    this.workspace = workspace;
    this.env = env;
    this.progress = progress;
  }

  @Override
  public String publish(Change change) {
    String[] on = repository(change.project());
    FleetHost.RemoteRepo remote = host.repo(on[0], on[1]).orElseThrow(() -> new OperationException(
        on[0] + "/" + on[1] + ": no such repository on GitHub, or the token may not see it"));
    Published p = publish(on[0], on[1], remote, change.project(), change.branch(), change.title(), change.body(),
        progress);
    if (p.kind() == Kind.KEPT) {
      progress.warn("someone else pushed to " + change.branch() + " since scaffold did: left it and " + p.url()
          + " as they are");
    } else if (p.kind() == Kind.DECLINED) {
      progress.warn(p.url() + " proposed this version and was closed: not opening another (reopen it to have "
          + "it updated)");
    }
    return p.url();
  }

  /**
   * Publishes the committed {@code branch} of {@code project} to {@code owner/name}.
   *
   * @param progress hears the steps and the push's counts; warnings are left to the caller
   */
  public Published publish(String owner, String name, FleetHost.RemoteRepo remote, Path project, String branch,
      String title, String body, Progress progress) {
    UpdateMarker marker = new UpdateMarker(workspace.head(project), workspace.headTree(project));
    String fullBody = marker.appendTo(body);
    List<FleetHost.PullRequest> open = host.openPullRequests(owner, name, ProjectUpdater.BRANCH_PREFIX);
    Optional<FleetHost.PullRequest> mine = open.stream().filter(p -> p.head().equals(branch)).findFirst();
    Published result;
    if (mine.isPresent()) {
      FleetHost.PullRequest pr = mine.get();
      Optional<UpdateMarker> before = UpdateMarker.find(pr.body());
      String headTree;
      if (before.isPresent() && before.get().commit().equals(pr.headSha())) {
        headTree = before.get().tree();
      } else {
        // a run that pushed and then failed to write the body, or someone else's push
        Optional<FleetHost.Commit> head = pr.headSha() == null ? Optional.empty()
            : host.commit(owner, name, pr.headSha());
        if (head.isEmpty() || !head.get().message().contains("\n" + ProjectUpdater.TRAILER + ": ")) {
          return new Published(Kind.KEPT, pr.url());
        }
        headTree = head.get().tree();
      }
      if (headTree.equals(marker.tree())) {
        // same content: keep the commit that is there, and only put the body right
        UpdateMarker current = new UpdateMarker(pr.headSha(), headTree);
        if (pr.title().equals(title) && before.isPresent() && before.get().equals(current)) {
          result = new Published(Kind.UNCHANGED, pr.url());
        } else {
          progress.step("update pull request #" + pr.number());
          host.updatePullRequest(owner, name, pr.number(), title, current.appendTo(body));
          result = new Published(Kind.UPDATED, pr.url());
        }
      } else {
        progress.step("push " + branch);
        workspace.forcePush(project, remote.cloneUrl(), branch, progress);
        progress.step("update pull request #" + pr.number());
        host.updatePullRequest(owner, name, pr.number(), title, fullBody);
        result = new Published(Kind.UPDATED, pr.url());
      }
    } else {
      Optional<String> closed = host.closedPullRequest(owner, name, branch, remote.defaultBranch());
      if (closed.isPresent()) {
        return new Published(Kind.DECLINED, closed.get());
      }
      progress.step("push " + branch);
      workspace.forcePush(project, remote.cloneUrl(), branch, progress);
      progress.step("open a pull request into " + remote.defaultBranch());
      FleetHost.PullRequest pr = host.openPullRequest(owner, name, branch, remote.defaultBranch(), title, fullBody);
      result = new Published(Kind.OPENED, pr.url());
    }
    for (FleetHost.PullRequest old : open) {
      if (!old.head().equals(branch) && UpdateMarker.find(old.body()).isPresent()) {
        progress.step("close superseded pull request #" + old.number());
        host.closePullRequest(owner, name, old.number(), "Superseded by " + result.url() + ".");
      }
    }
    return result;
  }

  /** Owner and name: {@code GITHUB_REPOSITORY}, else the last two segments of origin's URL. */
  String[] repository(Path project) {
    String fromEnv = env.get("GITHUB_REPOSITORY");
    if (fromEnv != null && fromEnv.matches("[^/\\s]+/[^/\\s]+")) {
      return fromEnv.split("/", 2);
    }
    String url = workspace.originUrl(project);
    if (url == null) {
      throw InputException.at(project.toString(), "has no remote `origin`, so --pr does not know which GitHub "
          + "repository to open the pull request in (or set GITHUB_REPOSITORY=OWNER/NAME)");
    }
    Matcher m = GITHUB_PATH.matcher(url);
    if (!m.find()) {
      throw InputException.at(project.toString(), "cannot tell OWNER/NAME from origin's URL " + redact(url));
    }
    return new String[] {m.group(1), m.group(2)};
  }

  /** A URL without any user-info part, which may hold a token. */
  static String redact(String url) {
    return url.replaceAll("//[^/@]*@", "//");
  }
}
