package dev.scaffold.publish;

import java.nio.file.Path;

/** Opens and creates local git repositories. Implemented with JGit in {@code dev.scaffold.jgit}. */
public interface GitClient {

  boolean isRepository(Path dir);

  /** Creates a repository in {@code dir} whose first branch is {@code branch}. */
  GitRepo init(Path dir, String branch);

  GitRepo open(Path dir);

  /**
   * The root of the work tree holding {@code dir}: dir itself when it is a repository, else the
   * nearest folder above it with a {@code .git}, as git finds it from there. Empty when none does.
   */
  default java.util.Optional<Path> enclosingRoot(Path dir) {
    return isRepository(dir) ? java.util.Optional.of(dir) : java.util.Optional.empty();
  }

  /**
   * Opens the repository whose work tree is {@code root}, seen from a folder of it: the paths the
   * repository reports and takes are relative to {@code base} ("" for the root), and status,
   * {@link GitRepo#commitAll} and {@link GitRepo#restoreScope} cover only {@code folders}
   * (root-relative; none: the whole work tree). A project in a monorepo is opened so.
   */
  default GitRepo openWithin(Path root, String base, java.util.List<String> folders) {
    if (base.isEmpty() && folders.isEmpty()) {
      return open(root);
    }
    throw new UnsupportedOperationException("openWithin");
  }
}
