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
        || (mayBeBare(dir) && RepositoryCache.FileKey.isGitRepository(dir.toFile(), FS.DETECTED));
  }

  /**
   * False when {@link #isRepository} is sure to be false, found without JGit: a work tree has a
   * {@code .git} folder, and JGit takes a folder for a bare repository only if it holds {@code
   * objects/}, {@code refs/} and {@code HEAD}. Lets a run that needs no git skip JGit's start-up.
   */
  public static boolean mayBeRepository(Path dir) {
    return Files.isDirectory(dir.resolve(".git")) || mayBeBare(dir);
  }

  private static boolean mayBeBare(Path dir) {
    return Files.isDirectory(dir.resolve("objects")) && Files.isDirectory(dir.resolve("refs"))
        && Files.exists(dir.resolve("HEAD"));
  }

  /**
   * Starts JGit's one-time measurement of the file system holding {@code folder} (see {@link JGit})
   * without waiting for it: worth it while a person answers questions, which takes longer than the
   * measurement, so that it is kept and later runs trust timestamps instead of re-reading files.
   *
   * <p>JGit measures by writing {@code .probe-*} files in the folder it is given, and a run that
   * ends first leaves one behind; so the probes go to {@code scratch}, never to the user's folder.
   * JGit keeps a measurement per file store, so one made in {@code scratch} serves {@code folder}
   * only when both are on the same one; otherwise nothing is measured here and JGit measures when
   * it first needs to, as it would without this head start.
   */
  public static void measureFileSystem(Path folder, Path scratch) {
    try {
      Files.createDirectories(scratch);
      if (!Files.getFileStore(scratch).equals(Files.getFileStore(folder))) {
        return;
      }
      removeStaleProbes(scratch);
    } catch (IOException | RuntimeException e) {
      return; // only a head start
    }
    JGit.ensureConfigured();
    FS.FileStoreAttributes.get(scratch);
  }

  /** Probes an earlier run left in {@code scratch} when it ended mid-measurement; a recent one may be another run's. */
  private static void removeStaleProbes(Path scratch) throws IOException {
    long before = System.currentTimeMillis() - java.util.concurrent.TimeUnit.MINUTES.toMillis(10);
    try (java.util.stream.Stream<Path> s = Files.list(scratch)) {
      for (Path p : s.filter(p -> p.getFileName().toString().startsWith(".probe-")).toList()) {
        try {
          if (Files.getLastModifiedTime(p, java.nio.file.LinkOption.NOFOLLOW_LINKS).toMillis() < before) {
            Files.deleteIfExists(p);
          }
        } catch (IOException e) {
          // gone meanwhile, or not ours to remove: either way not worth a failure
        }
      }
    }
  }

  @Override
  public GitRepo init(Path dir, String branch) {
    try {
      Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch(branch).setFs(NoHooks.FILE_SYSTEM).call();
      return new JGitRepo(git);
    } catch (GitAPIException e) {
      throw new OperationException("git init failed in " + dir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public java.util.Optional<Path> enclosingRoot(Path dir) {
    return isRepository(dir) ? java.util.Optional.of(dir) : enclosingAbove(dir);
  }

  /** The nearest folder above {@code dir} with a {@code .git} (a folder, or a linked work tree's or submodule's file). */
  public static java.util.Optional<Path> enclosingAbove(Path dir) {
    for (Path d = dir.toAbsolutePath().normalize().getParent(); d != null; d = d.getParent()) {
      if (Files.exists(d.resolve(".git"))) {
        return java.util.Optional.of(d);
      }
    }
    return java.util.Optional.empty();
  }

  @Override
  public GitRepo openWithin(Path root, String base, java.util.List<String> folders) {
    try {
      return new JGitRepo(NoHooks.open(root), base, folders);
    } catch (IOException e) {
      throw new OperationException("cannot open the git repository in " + root + ": " + e.getMessage(), e);
    }
  }

  @Override
  public GitRepo open(Path dir) {
    try {
      return new JGitRepo(NoHooks.open(dir));
    } catch (IOException e) {
      throw new OperationException("cannot open the git repository in " + dir + ": " + e.getMessage(), e);
    }
  }
}
