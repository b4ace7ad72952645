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
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;

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
      try (ObjectInserter ins = repo.newObjectInserter()) {
        // always made afresh from HEAD's tree, never taken from HEAD's parent: after a re-run that
        // committed on top (--force), the parent is a whole earlier project, which would reach the
        // default branch unreviewed. Same tree and identities give the same id, so resuming is stable.
        CommitBuilder b = new CommitBuilder();
        b.setTreeId(baseTree(repo, ins, head, basePaths));
        b.setAuthor(head.getAuthorIdent());
        b.setCommitter(head.getCommitterIdent());
        b.setMessage(baseMessage + "\n");
        base = ins.insert(b);
        if (head.getParentCount() == 1 && head.getParent(0).equals(base)) {
          project = head; // split before: a resumed run
        } else {
          CommitBuilder p = new CommitBuilder();
          p.setTreeId(head.getTree());
          p.setParentId(base);
          p.setAuthor(head.getAuthorIdent());
          p.setCommitter(head.getCommitterIdent());
          p.setMessage(head.getFullMessage());
          project = ins.insert(p);
        }
        ins.flush();
      }
      refuseToDropHistory(repo, walk, defaultBranch, base, basePaths);
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

  /** The tree of HEAD's files (or folders) named by {@code paths}, nested as in HEAD. */
  private static ObjectId baseTree(Repository repo, ObjectInserter ins, RevCommit head, List<String> paths)
      throws IOException {
    DirCache index = DirCache.newInCore();
    DirCacheBuilder builder = index.builder();
    try (TreeWalk tw = new TreeWalk(repo)) {
      tw.addTree(head.getTree());
      tw.setRecursive(true);
      tw.setFilter(PathFilterGroup.createFromStrings(new TreeSet<>(paths)));
      while (tw.next()) {
        DirCacheEntry e = new DirCacheEntry(tw.getPathString());
        e.setFileMode(tw.getFileMode(0));
        e.setObjectId(tw.getObjectId(0));
        builder.add(e);
      }
    }
    builder.finish();
    return index.writeTree(ins);
  }

  /**
   * The default branch is about to point at the base commit: refused when it holds history of the
   * user's own (a project committed into an existing repository), which would vanish from it. An
   * earlier base (parentless, nothing but base paths) or the new one may be replaced.
   */
  private static void refuseToDropHistory(Repository repo, RevWalk walk, String branch, ObjectId base, List<String> paths)
      throws IOException {
    Ref ref = repo.exactRef(Constants.R_HEADS + branch);
    if (ref == null || ref.getObjectId() == null || ref.getObjectId().equals(base)) {
      return;
    }
    RevCommit tip = walk.parseCommit(ref.getObjectId());
    boolean earlierBase = tip.getParentCount() == 0;
    if (earlierBase) {
      try (TreeWalk tw = new TreeWalk(repo)) {
        tw.addTree(tip.getTree());
        tw.setRecursive(true);
        while (tw.next() && earlierBase) {
          String p = tw.getPathString();
          earlierBase = paths.stream().anyMatch(x -> p.equals(x) || p.startsWith(x + "/"));
        }
      }
    }
    // HEAD itself as the only commit is the project scaffold just committed: it moves to the PR branch
    boolean freshProject = tip.getParentCount() == 0 && tip.equals(repo.resolve(Constants.HEAD + "^{commit}"));
    if (!earlierBase && !freshProject) {
      throw new dev.scaffold.InputException("branch " + branch + " of " + repo.getWorkTree()
          + " holds history of its own, which publishing would take off it (the new repository starts from a"
          + " base commit); publish from a folder scaffold created, or pass --no-github");
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
  public java.util.Optional<String> createdRepository(Path dir) {
    if (!java.nio.file.Files.isDirectory(dir.resolve(Constants.DOT_GIT))) {
      return java.util.Optional.empty();
    }
    try (Git git = NoHooks.open(dir)) {
      return java.util.Optional.ofNullable(git.getRepository().getConfig().getString("scaffold", null, "repository"));
    } catch (IOException | RuntimeException e) {
      return java.util.Optional.empty();
    }
  }

  @Override
  public void recordCreatedRepository(Path dir, String fullName) {
    try (Git git = NoHooks.open(dir)) {
      StoredConfig config = git.getRepository().getConfig();
      config.setString("scaffold", null, "repository", fullName);
      config.save();
    } catch (IOException e) {
      throw new OperationException("cannot record the repository in " + dir + "/.git/config: " + e.getMessage(), e);
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
    if (lower.contains("not permitted") || lower.contains("403 forbidden")
        || lower.contains("authentication not supported") && what.startsWith("git push")) {
      // JGit words GitHub's 403 as "not permitted" (or, with a challenge it cannot answer,
      // "authentication not supported"): the token was read but may not write here
      return RemoteFailure.permanent(what + " was refused with 403 Forbidden: the token may not push to this"
          + " repository (it needs Contents write access, or the repo scope)", 403);
    }
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
