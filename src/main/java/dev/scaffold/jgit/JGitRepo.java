package dev.scaffold.jgit;

import dev.scaffold.OperationException;
import dev.scaffold.publish.GitRepo;
import java.io.IOException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
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
      git.add().addFilepattern(".").call();
      git.add().addFilepattern(".").setUpdate(true).call();
      PersonIdent who = identity();
      RevCommit c = git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
      return c.getName();
    } catch (GitAPIException e) {
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
  public void close() {
    git.close();
  }
}
