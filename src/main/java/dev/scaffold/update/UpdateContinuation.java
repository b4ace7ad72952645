package dev.scaffold.update;

import dev.scaffold.InputException;
import dev.scaffold.OperationException;
import dev.scaffold.Progress;
import dev.scaffold.publish.GitClient;
import dev.scaffold.publish.GitRepo;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code scaffold update --continue}: commits an {@code update --commit} that stopped with
 * conflicts, once they are resolved, with the message and on the branch the update would have
 * used. Refuses while the index holds unmerged paths, a conflicted file still has markers, or a
 * {@code .rej} file of the update is still there.
 *
 * <p>Safe to run again after an interruption: killed before the commit, nothing changed and it
 * starts over; killed after it, HEAD is a commit carrying the update's trailer, which is taken as
 * the update done (and the state removed).
 */
public final class UpdateContinuation {

  /**
   * @param commit the commit that finishes the update, or null when {@code remaining} is not empty
   * @param remaining what still stands in the way, one line each (path, then why)
   * @param alreadyDone whether that commit had been made before this run (by hand, or a run killed after it)
   */
  public record Result(Path project, String branch, String fromVersion, String toVersion, String commit,
      List<String> remaining, boolean alreadyDone) {}

  private final GitClient git;
  private final Progress progress;

  public UpdateContinuation(GitClient git, Progress progress) {
    this.git = git;
    this.progress = progress;
  }

  public Result resume(Path dir) {
    Path project = dir.toAbsolutePath().normalize();
    // a project in a sub-folder of a monorepo: its repository is found above it, and commits cover its folder
    GitRepo opened = GitCheck.openProject(git, project);
    if (opened == null) {
      throw InputException.at(project.toString(), "is not a git repository, so there is no update to continue");
    }
    UpdateInProgress state;
    try {
      state = UpdateInProgress.read(opened.gitDir());
      if (state != null && !state.folders().isEmpty() && opened.root() != null) {
        // an update --all: its commit holds the projects' folders and nothing else below DIR
        Path root = opened.root().toAbsolutePath().normalize();
        GitRepo scoped = git.openWithin(root, GitCheck.prefix(root, project), state.folders());
        opened.close();
        opened = scoped;
      }
    } catch (RuntimeException e) {
      opened.close();
      throw e;
    }
    try (GitRepo repo = opened) {
      Path gitDir = repo.gitDir();
      if (state == null) {
        throw InputException.at(project.toString(), "no update is in progress (nothing to continue): "
            + "--continue finishes an `update --commit` that stopped with conflicts");
      }
      if (state.staleIn(repo)) {
        return stale(project, repo, state, gitDir);
      }
      List<String> remaining = remaining(project, repo, state);
      if (!remaining.isEmpty()) {
        return new Result(project, state.branch(), state.fromVersion(), state.toVersion(), null, remaining, false);
      }
      progress.step("commit on " + state.branch());
      String commit = repo.commitAll(state.message());
      UpdateInProgress.clear(gitDir);
      return new Result(project, state.branch(), state.fromVersion(), state.toVersion(), commit, List.of(), false);
    }
  }

  /** A state git has moved past: the update's own commit (made by hand, or by a run killed after it), or nothing to go on. */
  private static Result stale(Path project, GitRepo repo, UpdateInProgress state, Path gitDir) {
    String trailer = state.trailerLine();
    String headMessage = state.branch().equals(repo.branch()) ? repo.headMessage() : null;
    UpdateInProgress.clear(gitDir);
    if (trailer != null && headMessage != null && headMessage.lines().anyMatch(trailer::equals)) {
      return new Result(project, state.branch(), state.fromVersion(), state.toVersion(), repo.head(), List.of(), true);
    }
    throw InputException.at(project.toString(), "the update to " + state.toVersion() + " stopped on branch "
        + state.branch() + " at " + shortId(state.head()) + ", but HEAD is now " + repo.branch() + " at "
        + shortId(repo.head()) + "; its saved state was stale and is removed. Run `scaffold update` again if needed");
  }

  private static List<String> remaining(Path project, GitRepo repo, UpdateInProgress state) {
    List<String> out = new ArrayList<>();
    for (String p : repo.unmergedPaths()) {
      out.add(p + ": unmerged in the index (resolve it, then `git add " + p + "`)");
    }
    for (String p : state.conflicted()) {
      Path file = project.resolve(p);
      if (file.normalize().startsWith(project) && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
          && hasMarkers(file)) {
        out.add(p + ": still has conflict markers");
      }
    }
    for (String p : state.rejects()) {
      if (Files.exists(project.resolve(p), LinkOption.NOFOLLOW_LINKS)) {
        out.add(p + ": rejected hunks not yet dealt with (apply what you want, then delete the file)");
      }
    }
    return out;
  }

  /** A line that opens or closes a conflict as the update writes them. */
  static boolean hasMarkers(Path file) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
      for (String l = in.readLine(); l != null; l = in.readLine()) {
        if (l.startsWith("<<<<<<< ") || l.startsWith(">>>>>>> ")) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new OperationException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static String shortId(String id) {
    return id == null ? "no commit" : id.substring(0, Math.min(12, id.length()));
  }
}
