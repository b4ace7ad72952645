package dev.scaffold.jgit;

import dev.scaffold.OperationException;
import dev.scaffold.TokenScope;
import dev.scaffold.publish.GitPusher;
import dev.scaffold.publish.RemoteFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.treewalk.TreeWalk;

/** {@link GitPusher} on JGit: history surgery with plain object writes, pushes over smart HTTP. */
public final class JGitPusher implements GitPusher {

  static final String REMOTE = "origin";

  private final TokenScope scope;
  private final dev.scaffold.Progress progress;

  /** @param scope where the token may go: a URL outside it is refused before any request */
  public JGitPusher(TokenScope scope) {
    this(scope, dev.scaffold.Progress.NONE);
  }

  /** @param progress where a push's counts go (objects written) */
  public JGitPusher(TokenScope scope, dev.scaffold.Progress progress) {
    JGit.ensureConfigured();
    this.scope = scope;
    this.progress = progress;
  }

  /** The token's credentials for {@code url}; a URL the token may not go to is refused, never tried. */
  private GitCredentials credentials(String url, String user, String token) {
    GitCredentials c = new GitCredentials(user, token, scope);
    if (!c.allows(url)) {
      throw RemoteFailure.permanent(scope.refusal(url), 0);
    }
    return c;
  }

  @Override
  public History split(Path dir, String defaultBranch, String prBranch, List<String> basePaths, String baseMessage) {
    try (Git git = NoHooks.open(dir); RevWalk walk = new RevWalk(git.getRepository())) {
      Repository repo = git.getRepository();
      ObjectId headId = repo.resolve(Constants.HEAD + "^{commit}");
      if (headId == null) {
        throw new OperationException("the repository in " + dir + " has no commit to publish");
      }
      RevCommit head = walk.parseCommit(headId);
      ObjectId base;
      ObjectId project;
      if (head.getParentCount() > 0) {
        // made before (a resumed run), or the project was committed on top of existing history
        base = head.getParent(0);
        project = head;
      } else {
        try (ObjectInserter ins = repo.newObjectInserter()) {
          TreeFormatter tree = new TreeFormatter();
          for (String p : new TreeSet<>(basePaths)) {
            try (TreeWalk tw = TreeWalk.forPath(repo, p, head.getTree())) {
              if (tw != null) {
                tree.append(p, tw.getFileMode(0), tw.getObjectId(0));
              }
            }
          }
          CommitBuilder b = new CommitBuilder();
          b.setTreeId(ins.insert(tree));
          b.setAuthor(head.getAuthorIdent());
          b.setCommitter(head.getCommitterIdent());
          b.setMessage(baseMessage + "\n");
          base = ins.insert(b);
          CommitBuilder p = new CommitBuilder();
          p.setTreeId(head.getTree());
          p.setParentId(base);
          p.setAuthor(head.getAuthorIdent());
          p.setCommitter(head.getCommitterIdent());
          p.setMessage(head.getFullMessage());
          project = ins.insert(p);
          ins.flush();
        }
      }
      setRef(repo, Constants.R_HEADS + defaultBranch, base);
      setRef(repo, Constants.R_HEADS + prBranch, project);
      RefUpdate h = repo.updateRef(Constants.HEAD);
      h.disableRefLog();
      h.link(Constants.R_HEADS + prBranch);
      return new History(base.getName(), project.getName());
    } catch (IOException e) {
      throw new OperationException("cannot prepare the commits to publish in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static void setRef(Repository repo, String name, ObjectId id) throws IOException {
    Ref existing = repo.exactRef(name);
    if (existing != null && id.equals(existing.getObjectId())) {
      return;
    }
    RefUpdate u = repo.updateRef(name);
    u.setNewObjectId(id);
    u.setForceUpdate(true);
    u.setRefLogMessage("scaffold: publish", false);
    RefUpdate.Result r = u.update();
    if (r != RefUpdate.Result.NEW && r != RefUpdate.Result.FORCED && r != RefUpdate.Result.FAST_FORWARD
        && r != RefUpdate.Result.NO_CHANGE) {
      throw new IOException("cannot set " + name + ": " + r);
    }
  }

  @Override
  public String head(Path dir) {
    try (Git git = NoHooks.open(dir)) {
      ObjectId id = git.getRepository().resolve(Constants.HEAD + "^{commit}");
      if (id == null) {
        throw new OperationException("the repository in " + dir + " has no commit to publish");
      }
      return id.getName();
    } catch (IOException e) {
      throw new OperationException("cannot read HEAD in " + dir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean isLocal(Path dir, String commit) {
    if (!ObjectId.isId(commit)) {
      return false;
    }
    try (Git git = NoHooks.open(dir); RevWalk walk = new RevWalk(git.getRepository())) {
      ObjectId id = ObjectId.fromString(commit);
      if (!git.getRepository().getObjectDatabase().has(id)) {
        return false;
      }
      walk.parseCommit(id);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public Map<String, String> remoteBranches(Path dir, String url, String user, String token) {
    GitCredentials credentials = credentials(url, user, token);
    try (Git git = NoHooks.open(dir)) {
      Collection<Ref> refs = git.lsRemote().setRemote(url).setHeads(true).setTags(false)
          .setCredentialsProvider(credentials.provider(url)).setTransportConfigCallback(credentials.preemptive()).call();
      Map<String, String> out = new LinkedHashMap<>();
      for (Ref r : refs) {
        if (r.getName().startsWith(Constants.R_HEADS) && r.getObjectId() != null) {
          out.put(r.getName().substring(Constants.R_HEADS.length()), r.getObjectId().getName());
        }
      }
      return out;
    } catch (IOException | GitAPIException e) {
      throw failure("git ls-remote " + dev.scaffold.NetworkCause.redact(url), e, credentials);
    }
  }

  @Override
  public void push(Path dir, String url, String user, String token, Map<String, String> branches) {
    GitCredentials credentials = credentials(url, user, token); // before the URL goes into .git/config
    try (Git git = NoHooks.open(dir)) {
      Repository repo = git.getRepository();
      StoredConfig config = repo.getConfig();
      config.setString("remote", REMOTE, "url", url);
      config.setString("remote", REMOTE, "fetch", "+refs/heads/*:refs/remotes/" + REMOTE + "/*");
      for (String b : branches.keySet()) {
        if (repo.exactRef(Constants.R_HEADS + b) != null) {
          config.setString("branch", b, "remote", REMOTE);
          config.setString("branch", b, "merge", Constants.R_HEADS + b);
        }
      }
      config.save();
      if (branches.isEmpty()) {
        return;
      }
      List<RefSpec> specs = new ArrayList<>();
      branches.forEach((b, commit) -> specs.add(new RefSpec(commit + ":" + Constants.R_HEADS + b)));
      Iterable<PushResult> results = git.push().setRemote(REMOTE).setRefSpecs(specs).setAtomic(true)
          .setProgressMonitor(JGitProgress.of(progress, "push " + String.join(", ", branches.keySet())))
          .setCredentialsProvider(credentials.provider(url)).setTransportConfigCallback(credentials.preemptive()).call();
      for (PushResult result : results) {
        for (RemoteRefUpdate u : result.getRemoteUpdates()) {
          switch (u.getStatus()) {
            case OK, UP_TO_DATE -> { }
            case REJECTED_NONFASTFORWARD, REJECTED_NODELETE, REJECTED_REMOTE_CHANGED, REJECTED_OTHER_REASON ->
                throw RemoteFailure.permanent("git push to " + u.getRemoteName() + " was rejected: " + u.getStatus()
                    + (u.getMessage() == null ? "" : " (" + u.getMessage() + ")"), 0);
            default -> throw RemoteFailure.transientFailure("git push to " + u.getRemoteName() + " did not finish: "
                + u.getStatus(), 0, null, null);
          }
        }
      }
    } catch (IOException | GitAPIException e) {
      throw failure("git push to " + dev.scaffold.NetworkCause.redact(url), e, credentials);
    }
  }

  private static RemoteFailure failure(String what, Exception e, GitCredentials credentials) {
    String cause = dev.scaffold.NetworkCause.describe(e, urlIn(what));
    if (cause != null) {
      return new RemoteFailure(credentials.scrub(what + " failed: " + cause), 0, !dev.scaffold.NetworkCause.permanent(e),
          null, null);
    }
    String msg = credentials.scrub(String.valueOf(e.getMessage()));
    String lower = msg.toLowerCase(java.util.Locale.ROOT);
    boolean denied = lower.contains("not authorized") || lower.contains("authentication") || lower.contains(" 401")
        || lower.contains(" 403") || lower.contains("not found");
    if (e instanceof TransportException || e.getCause() instanceof org.eclipse.jgit.errors.TransportException) {
      return new RemoteFailure(what + " failed: " + msg, 0, !denied, null, null);
    }
    return RemoteFailure.permanent(what + " failed: " + msg, 0);
  }

  /** The URL a failure's description ends with ("git push to URL"), for naming its host. */
  private static String urlIn(String what) {
    int at = what.lastIndexOf(' ');
    return at < 0 ? what : what.substring(at + 1);
  }
}
