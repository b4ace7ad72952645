package dev.scaffold.publish;

import java.nio.file.Path;

/** Opens and creates local git repositories. Implemented with JGit in {@code dev.scaffold.jgit}. */
public interface GitClient {

  boolean isRepository(Path dir);

  /** Creates a repository in {@code dir} whose first branch is {@code branch}. */
  GitRepo init(Path dir, String branch);

  GitRepo open(Path dir);
}
