package dev.scaffold.jgit;

import dev.scaffold.OperationException;
import dev.scaffold.publish.GitClient;
import dev.scaffold.publish.GitRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.util.FS;

/** {@link GitClient} on JGit. */
public final class JGitClient implements GitClient {

  public JGitClient() {
    JGit.ensureConfigured();
  }

  @Override
  public boolean isRepository(Path dir) {
    return Files.isDirectory(dir.resolve(".git"))
        || RepositoryCache.FileKey.isGitRepository(dir.toFile(), FS.DETECTED);
  }

  @Override
  public GitRepo init(Path dir, String branch) {
    try {
      Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch(branch).call();
      return new JGitRepo(git);
    } catch (GitAPIException e) {
      throw new OperationException("git init failed in " + dir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public GitRepo open(Path dir) {
    try {
      return new JGitRepo(Git.open(dir.toFile()));
    } catch (IOException e) {
      throw new OperationException("cannot open the git repository in " + dir + ": " + e.getMessage(), e);
    }
  }
}
