package dev.scaffold.jgit;

import dev.scaffold.FileTrees;
import dev.scaffold.OperationException;
import dev.scaffold.TokenScope;
import dev.scaffold.update.RepoWorkspace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;

/**
 * {@link RepoWorkspace} on JGit over smart HTTP with the token as the Basic password of
 * {@code x-access-token}, sent with the first request, to URLs of its {@link TokenScope} only (a
 * clone or push URL elsewhere is refused before any request); the token stays in memory and is
 * asked for at each clone and push, so a renewed installation token is used once it is renewed.
 */
public final class JGitWorkspace implements RepoWorkspace {

  private final GitCredentials credentials;
  private final TokenScope scope;

  public JGitWorkspace(String token, TokenScope scope) {
    this(() -> token, scope);
  }

  /** @param token asked for at each clone and push: a GitHub App's installation token renews itself */
  public JGitWorkspace(java.util.function.Supplier<String> token, TokenScope scope) {
    JGit.ensureConfigured();
    this.scope = scope;
    this.credentials = new GitCredentials(GitCredentials.USER, token, scope);
  }

  /** Refuses a URL the token may not go to, before any request. */
  private void requireAllowed(String url) {
    if (!credentials.allows(url)) {
      throw new OperationException(scope.refusal(url));
    }
  }

  @Override
  public void cloneShallow(String url, String branch, Path dir) {
    requireAllowed(url);
    try {
      clone(url, branch, dir, true);
    } catch (GitAPIException | RuntimeException e) {
      String msg = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
      if (!msg.contains("shallow") && !msg.contains("depth")) {
        throw failure("git clone " + dev.scaffold.NetworkCause.redact(url), e);
      }
      // a server without shallow support: the whole history, then
      try {
        FileTrees.deleteRecursively(dir);
        clone(url, branch, dir, false);
      } catch (GitAPIException | IOException | RuntimeException again) {
        throw failure("git clone " + dev.scaffold.NetworkCause.redact(url), again);
      }
    }
  }

  private void clone(String url, String branch, Path dir, boolean shallow) throws GitAPIException {
    var clone = Git.cloneRepository().setFs(NoHooks.FILE_SYSTEM).setURI(url).setDirectory(dir.toFile()).setBranch(branch)
        .setCloneAllBranches(false).setNoTags()
        .setCredentialsProvider(credentials.provider(url)).setTransportConfigCallback(credentials.preemptive());
    if (shallow) {
      clone.setDepth(1);
    }
    try (Git git = clone.call()) {
      // the clone is all we need; closing releases the pack files
    }
  }

  @Override
  public String head(Path dir) {
    return resolve(dir, "commit");
  }

  @Override
  public String headTree(Path dir) {
    return resolve(dir, "tree");
  }

  @Override
  public String headSubject(Path dir) {
    return resolve(dir, "subject");
  }

  private static String resolve(Path dir, String what) {
    try (Git git = NoHooks.open(dir); RevWalk walk = new RevWalk(git.getRepository())) {
      ObjectId id = git.getRepository().resolve(Constants.HEAD + "^{commit}");
      if (id == null) {
        throw new OperationException("the repository in " + dir + " has no commit");
      }
      switch (what) {
        case "tree":
          return walk.parseCommit(id).getTree().getName();
        case "subject":
          return walk.parseCommit(id).getShortMessage();
        default:
          return id.getName();
      }
    } catch (IOException e) {
      throw new OperationException("cannot read HEAD in " + dir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String originUrl(Path dir) {
    try (Git git = NoHooks.open(dir)) {
      return git.getRepository().getConfig().getString("remote", "origin", "url");
    } catch (IOException e) {
      throw new OperationException("cannot open the git repository in " + dir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void forcePush(Path dir, String url, String branch, dev.scaffold.Progress progress) {
    String ref = Constants.R_HEADS + branch;
    requireAllowed(url);
    try (Git git = NoHooks.open(dir)) {
      Repository repo = git.getRepository();
      if (repo.exactRef(ref) == null) {
        throw new OperationException("no local branch " + branch + " to push in " + dir);
      }
      Iterable<PushResult> results = git.push().setRemote(url).setRefSpecs(new RefSpec("+" + ref + ":" + ref))
          .setProgressMonitor(JGitProgress.of(progress, "push " + branch))
          .setCredentialsProvider(credentials.provider(url)).setTransportConfigCallback(credentials.preemptive()).call();
      for (PushResult result : results) {
        for (RemoteRefUpdate u : result.getRemoteUpdates()) {
          if (u.getStatus() != RemoteRefUpdate.Status.OK && u.getStatus() != RemoteRefUpdate.Status.UP_TO_DATE) {
            throw new OperationException("git push of " + branch + " was rejected: " + u.getStatus()
                + (u.getMessage() == null ? "" : " (" + scrub(u.getMessage()) + ")"));
          }
        }
      }
    } catch (IOException | GitAPIException | RuntimeException e) {
      if (e instanceof OperationException oe) {
        throw oe;
      }
      throw failure("git push of " + branch + " to " + dev.scaffold.NetworkCause.redact(url), e);
    }
  }

  private OperationException failure(String what, Exception e) {
    String cause = dev.scaffold.NetworkCause.describe(e, what.substring(what.lastIndexOf(' ') + 1));
    if (cause != null) {
      return new OperationException(scrub(what + " failed: " + cause), e);
    }
    String msg = scrub(String.valueOf(e.getMessage()));
    String lower = msg.toLowerCase(Locale.ROOT);
    String hint = lower.contains("not authorized") || lower.contains("authentication") ? " (is the token valid, "
        + "with contents: write on the repository?)" : "";
    return new OperationException(what + " failed: " + msg + hint, e);
  }

  private String scrub(String s) {
    return credentials.scrub(s);
  }
}
