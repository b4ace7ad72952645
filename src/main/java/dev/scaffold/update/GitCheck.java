package dev.scaffold.update;

import dev.scaffold.publish.GitClient;
import dev.scaffold.publish.GitRepo;
import dev.scaffold.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The project's git state an update checks before it writes (is it a repository, what is
 * uncommitted, and the ids of the files that are not), read on a second core while the update reads
 * the answers, lists the template's versions and renders them: a status walks every file of the
 * project, and needs nothing from those steps. Only reads. Whoever {@link #take}s the result owns
 * the repository; one nobody takes (the update ended early) is closed as soon as it is ready.
 */
final class GitCheck {

  /**
   * What {@code prepareGit} works from; a failure is thrown where the update would have met it.
   *
   * @param unchanged the ids of files the status found unchanged ({@link GitRepo#workTree})
   */
  record State(boolean repository, GitRepo repo, List<String> dirty, Map<String, GitRepo.TrackedFile> unchanged,
      RuntimeException failure) {}

  private State state;
  private boolean taken;
  private boolean abandoned;

  private GitCheck() {}

  /** Starts reading; on one core, reads on the spot. */
  static GitCheck start(GitClient git, Path project, boolean status) {
    GitCheck c = new GitCheck();
    Runnable read = () -> {
      State s = read(git, project, status);
      dev.scaffold.project.Timing.mark("update: git status read (background)");
      c.done(s);
    };
    if (Runtime.getRuntime().availableProcessors() < 2) {
      read.run();
    } else {
      Thread t = new Thread(read, "scaffold-git-status");
      t.setDaemon(true);
      t.start();
    }
    return c;
  }

  /**
   * The repository holding the project, opened as seen from the project's folder (see {@link
   * GitClient#openWithin}): for a project in a sub-folder of a repository (a monorepo), paths are
   * relative to the project and status and commits cover its folder alone, as {@code git status --
   * .} there would. Null when the project is in no repository.
   *
   * @throws InputException when a folder between the repository's root and the project is a
   *     symbolic link: git tracks the link, not the files behind it
   */
  static GitRepo openProject(GitClient git, Path project) {
    Path dir = project.toAbsolutePath().normalize();
    Optional<Path> found = git.enclosingRoot(dir);
    if (found.isEmpty()) {
      return null;
    }
    Path root = found.get().toAbsolutePath().normalize();
    if (root.equals(dir)) {
      return git.open(dir);
    }
    return git.openWithin(root, prefix(root, dir), List.of(prefix(root, dir)));
  }

  /** The project's folder relative to the repository's root, {@code /}-separated; refuses a way through a link. */
  static String prefix(Path root, Path dir) {
    Path rel = root.relativize(dir);
    Path d = root;
    for (Path part : rel) {
      d = d.resolve(part);
      if (Files.isSymbolicLink(d)) {
        throw InputException.at(dir.toString(), root.relativize(d) + " is a symbolic link inside the git repository at "
            + root + ": git tracks the link, not the files behind it; run scaffold on the folder it points to");
      }
    }
    return rel.toString().replace(dir.getFileSystem().getSeparator(), "/");
  }

  private static State read(GitClient git, Path project, boolean status) {
    GitRepo repo = null;
    try {
      repo = openProject(git, project);
      if (repo == null) {
        return new State(false, null, null, Map.of(), null);
      }
      if (!status) {
        return new State(true, repo, List.of(), Map.of(), null);
      }
      GitRepo.WorkTree tree = repo.workTree();
      return new State(true, repo, tree.changed(), tree.unchanged(), null);
    } catch (RuntimeException | Error e) {
      if (repo != null) {
        repo.close();
      }
      return new State(true, null, null, Map.of(), e instanceof RuntimeException r ? r : new IllegalStateException(e));
    }
  }

  private synchronized void done(State s) {
    if (abandoned) {
      close(s);
      return;
    }
    state = s;
    notifyAll();
  }

  /** Waits for the result and takes the repository over. */
  synchronized State take() {
    boolean interrupted = false;
    while (state == null) {
      try {
        wait();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    taken = true;
    return state;
  }

  /** The update ended without the result: close the repository, now or when it is read. */
  synchronized void abandon() {
    if (!taken && !abandoned) {
      abandoned = true;
      if (state != null) {
        close(state);
      }
    }
  }

  private static void close(State s) {
    if (s.repo() != null) {
      try {
        s.repo().close();
      } catch (RuntimeException e) {
        // nothing to do: it was only read
      }
    }
  }
}
