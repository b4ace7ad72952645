package dev.scaffold.jgit;

import dev.scaffold.OperationException;
import dev.scaffold.publish.GitRepo;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.UserConfig;
import org.eclipse.jgit.revwalk.RevCommit;

/** {@link GitRepo} on a JGit {@link Git} handle. */
final class JGitRepo implements GitRepo {

  static final String FALLBACK_NAME = "scaffold";
  static final String FALLBACK_EMAIL = "scaffold@localhost";

  private final Git git;

  JGitRepo(Git git) {
    this.git = git;
  }

  Git git() {
    return git;
  }

  @Override
  public String commitAll(String message) {
    try {
      if (!FreshIndex.addAll(git.getRepository())) {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
      }
      PersonIdent who = identity();
      RevCommit c = git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
      return c.getName();
    } catch (GitAPIException | IOException e) {
      throw new OperationException("git commit failed: " + e.getMessage(), e);
    }
  }

  /** The user's configured identity (config or GIT_AUTHOR_* variables), else scaffold's own. */
  PersonIdent identity() {
    UserConfig user = git.getRepository().getConfig().get(UserConfig.KEY);
    String name = user.isAuthorNameImplicit() ? FALLBACK_NAME : user.getAuthorName();
    String email = user.isAuthorEmailImplicit() ? FALLBACK_EMAIL : user.getAuthorEmail();
    return new PersonIdent(name, email);
  }

  @Override
  public boolean isClean() {
    try {
      return git.status().call().isClean();
    } catch (GitAPIException e) {
      throw new OperationException("git status failed: " + e.getMessage(), e);
    }
  }

  @Override
  public String branch() {
    try {
      return git.getRepository().getBranch();
    } catch (IOException e) {
      throw new OperationException("cannot read the current branch: " + e.getMessage(), e);
    }
  }

  @Override
  public List<String> changedPaths() {
    try {
      Status st = git.status().call();
      TreeSet<String> out = new TreeSet<>();
      out.addAll(st.getAdded());
      out.addAll(st.getChanged());
      out.addAll(st.getRemoved());
      out.addAll(st.getMissing());
      out.addAll(st.getModified());
      out.addAll(st.getUntracked());
      out.addAll(st.getConflicting());
      return List.copyOf(out);
    } catch (GitAPIException e) {
      throw new OperationException("git status failed: " + e.getMessage(), e);
    }
  }

  @Override
  public Set<String> workTreeFiles() {
    try {
      Status st = git.status().call();
      Set<String> out = new TreeSet<>();
      DirCache index = git.getRepository().readDirCache();
      for (int i = 0; i < index.getEntryCount(); i++) {
        out.add(index.getEntry(i).getPathString());
      }
      out.removeAll(st.getMissing());
      out.addAll(st.getUntracked());
      return out;
    } catch (GitAPIException | IOException e) {
      throw new OperationException("git status failed: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean hasBranch(String name) {
    try {
      return git.getRepository().exactRef(Constants.R_HEADS + name) != null;
    } catch (IOException e) {
      throw new OperationException("cannot read branch " + name + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void switchToNewBranch(String name) {
    try {
      git.checkout().setCreateBranch(true).setName(name).call();
    } catch (GitAPIException e) {
      throw new OperationException("cannot create branch " + name + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    git.close();
  }
}
