package dev.scaffold.update;

import dev.scaffold.InputException;
import dev.scaffold.OperationException;
import dev.scaffold.Problem;
import dev.scaffold.Progress;
import dev.scaffold.publish.GitClient;
import dev.scaffold.publish.GitRepo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * {@code scaffold update --all DIR}: every answers file below DIR ({@link AnswersFinder}) updated in
 * turn, in path order, so that templates layered on one project merge one after another.
 *
 * <p>All or nothing: every project must be in the same git repository and its folder clean, and
 * if one update fails, every project folder is restored from HEAD (what the earlier updates wrote
 * is undone) before the error is reported. A half-updated monorepo, with one commit or pull
 * request for all of it in mind, is worse than none. Then with {@code --commit} (or {@code --pr})
 * one commit on one branch holds every project's change, and nothing outside their folders.
 */
public final class AllProjectsUpdater {

  /** Each project's result, and the commit and pull request made for all. */
  public record Result(Path dir, List<UpdateResult> projects, List<String> answersFiles, String branch,
      String commit, String pullRequest, boolean dryRun) {

    public long conflicts() {
      return projects.stream().mapToLong(p -> p.conflicts().size()).sum();
    }
  }

  private final ProjectUpdater updater;
  private final GitClient git;
  private final ChangePublisher publisher;
  private final Progress progress;

  public AllProjectsUpdater(ProjectUpdater updater, GitClient git, ChangePublisher publisher, Progress progress) {
    this.updater = updater;
    this.git = git;
    this.publisher = publisher;
    this.progress = progress;
  }

  /** @param request what each update does; its project is DIR, and --commit/--pr apply to all */
  public Result update(UpdateRequest request) {
    Path dir = request.project().toAbsolutePath().normalize();
    List<AnswersFinder.Found> found = AnswersFinder.below(dir);
    if (found.isEmpty()) {
      throw InputException.at(dir.toString(), "holds no scaffold answers file (.scaffold-answers.yml, or one that "
          + "names itself with `_answers_file`), so there is nothing to update");
    }
    boolean commit = request.commit() || request.pullRequest();
    if (request.pullRequest() && publisher == null) {
      throw new InputException("--pr needs somewhere to open pull requests, and none is configured; "
          + "use --commit and push the branch yourself");
    }
    List<String> names = found.stream().map(f -> shown(dir, f)).toList();
    if (request.dryRun()) {
      List<UpdateResult> plans = new ArrayList<>();
      for (AnswersFinder.Found f : found) {
        plans.add(run(request, f, dir, false));
      }
      return new Result(dir, plans, names, null, null, null, true);
    }
    if (request.allowDirty()) {
      throw InputException.at("--allow-dirty", "does not go with --all, which undoes a failed run from git and so "
          + "needs every project committed");
    }
    Path root = sharedRoot(dir, found);
    List<String> folders = new ArrayList<>(new LinkedHashSet<>(found.stream()
        .map(f -> GitCheck.prefix(root, f.project())).toList()));
    try (GitRepo repo = git.openWithin(root, "", folders.contains("") ? List.of() : folders)) {
      List<String> dirty = repo.changedPaths();
      if (!dirty.isEmpty()) {
        List<Problem> problems = dirty.stream().limit(20).map(p -> Problem.at(p, "uncommitted change")).toList();
        throw new InputException("the projects below " + dir + " have " + dirty.size() + " uncommitted change(s); "
            + "commit or stash them (--all needs every project's folder clean)", problems);
      }
      List<UpdateResult> results = new ArrayList<>();
      for (int i = 0; i < found.size(); i++) {
        AnswersFinder.Found f = found.get(i);
        progress.step("update " + names.get(i) + " (" + (i + 1) + " of " + found.size() + ")");
        try {
          results.add(run(request, f, dir, true));
        } catch (RuntimeException e) {
          restore(repo, results.size());
          throw failed(names.get(i), e);
        }
      }
      String branch = null;
      String commitId = null;
      String pr = null;
      List<UpdateResult> changed = results.stream().filter(r -> !r.upToDate()).toList();
      if (commit && !changed.isEmpty()) {
        branch = ProjectUpdater.BRANCH_PREFIX + "all-" + digest(names, results);
        String baseBranch = repo.branch();
        try {
          if (repo.hasBranch(branch)) {
            throw InputException.at(root.toString(), "branch " + branch + " exists already; delete it or merge it first");
          }
          repo.switchToNewBranch(branch);
          if (!request.pullRequest() && results.stream().anyMatch(r -> !r.conflicts().isEmpty())) {
            // as one project's --commit: markers are never committed, the merge stays in progress for --continue
            stopForConflicts(repo, dir, branch, folders, results, message(names, results));
            return new Result(dir, results, names, branch, null, null, false);
          }
          progress.step("commit on " + branch);
          commitId = repo.commitAll(message(names, results));
        } catch (RuntimeException e) {
          restore(repo, results.size());
          throw e;
        }
        if (request.pullRequest()) {
          progress.step("push " + branch + " and open a pull request");
          try {
            pr = publisher.publish(new ChangePublisher.Change(root, branch, baseBranch,
                (results.stream().anyMatch(r -> !r.conflicts().isEmpty()) ? "[conflicts] " : "") + title(names, results),
                body(names, results)));
          } catch (RuntimeException e) {
            throw ProjectUpdater.unpublished(repo, branch, baseBranch, progress, e);
          }
        }
      }
      return new Result(dir, results, names, branch, commitId, pr, false);
    }
  }

  /** Saves what {@code update --continue DIR} needs; the conflicted paths are relative to DIR, as it sees them. */
  private void stopForConflicts(GitRepo repo, Path dir, String branch, List<String> folders,
      List<UpdateResult> results, String message) {
    List<String> conflicted = new ArrayList<>();
    List<String> rejects = new ArrayList<>();
    for (UpdateResult r : results) {
      for (FileOutcome c : r.conflicts()) {
        conflicted.add(fromDir(dir, r.project().resolve(c.path())));
      }
      for (String rej : r.rejects()) {
        rejects.add(fromDir(dir, r.project().resolve(rej)));
      }
    }
    UpdateResult first = results.stream().filter(r -> !r.upToDate()).findFirst().orElseThrow();
    progress.step("stop with the merge in progress on " + branch);
    new UpdateInProgress(branch, repo.head(), first.fromVersion(), first.toVersion(), message, conflicted, rejects,
        folders.contains("") ? List.of() : folders).save(repo.gitDir());
  }

  /** {@code file} as {@code update --continue DIR} names it: relative to DIR, {@code /}-separated. */
  private static String fromDir(Path dir, Path file) {
    return dir.relativize(file).toString().replace(dir.getFileSystem().getSeparator(), "/");
  }

  private UpdateResult run(UpdateRequest request, AnswersFinder.Found f, Path dir, boolean checked) {
    // the folders were checked clean once, above: a layered template's own earlier update is not dirt
    UpdateRequest one = new UpdateRequest(f.project(), request.version(), request.prerelease(), request.answers(),
        request.prompter(), request.useDefaults(), request.conflictStyle(), request.dryRun(),
        checked || request.allowDirty(), request.allowDowngrade(), false, false, request.trust(), request.ask(),
        request.reask(), false, request.template());
    return updater.update(one, f.answersFile());
  }

  /** The one repository every project is in. */
  private Path sharedRoot(Path dir, List<AnswersFinder.Found> found) {
    Path root = null;
    for (AnswersFinder.Found f : found) {
      Optional<Path> r = git.enclosingRoot(f.project());
      if (r.isEmpty()) {
        throw InputException.at(f.file().toString(), "is not in a git repository: --all undoes a failed run from git, "
            + "so every project must be committed in one");
      }
      Path here = r.get().toAbsolutePath().normalize();
      if (root != null && !root.equals(here)) {
        throw InputException.at(f.file().toString(), "is in the git repository at " + here + ", not in " + root
            + " as the others: --all works in one repository at a time");
      }
      root = here;
    }
    return root;
  }

  private void restore(GitRepo repo, int updated) {
    if (updated > 0) {
      progress.warn("undoing the " + updated + " update(s) already made: every project is left as it was");
    }
    try {
      repo.restoreScope();
    } catch (RuntimeException e) {
      progress.warn("could not undo every update: " + e.getMessage()
          + "; `git checkout -- . && git clean -fd` in each project folder gives back the last commit");
    }
  }

  private static RuntimeException failed(String name, RuntimeException e) {
    if (e instanceof dev.scaffold.AbortedException) {
      return e;
    }
    String what = name + ": " + e.getMessage() + " (no project was changed)";
    if (e instanceof InputException ie) {
      return new InputException(what, ie.problems(), ie);
    }
    return new OperationException(what, e);
  }

  private static String shown(Path dir, AnswersFinder.Found f) {
    String rel = dir.relativize(f.file()).toString().replace(dir.getFileSystem().getSeparator(), "/");
    return rel.isEmpty() ? f.answersFile() : rel;
  }

  private static String title(List<String> names, List<UpdateResult> results) {
    List<Integer> changed = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      if (!results.get(i).upToDate()) {
        changed.add(i);
      }
    }
    if (changed.size() == 1) {
      UpdateResult r = results.get(changed.get(0));
      return "Update the template of " + names.get(changed.get(0)) + " from " + r.fromVersion() + " to " + r.toVersion();
    }
    return "Update the templates of " + changed.size() + " scaffold projects";
  }

  private static String message(List<String> names, List<UpdateResult> results) {
    StringBuilder b = new StringBuilder(title(names, results)).append("\n\n");
    for (int i = 0; i < results.size(); i++) {
      UpdateResult r = results.get(i);
      if (!r.upToDate()) {
        b.append("- ").append(names.get(i)).append(": ").append(r.fromVersion()).append(" -> ").append(r.toVersion())
            .append('\n');
      }
    }
    b.append('\n');
    for (UpdateResult r : results) {
      if (!r.upToDate()) {
        b.append(ProjectUpdater.TRAILER).append(": ").append(r.fromVersion()).append(" -> ").append(r.toVersion())
            .append('\n');
      }
    }
    return b.toString();
  }

  private static String body(List<String> names, List<UpdateResult> results) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < results.size(); i++) {
      UpdateResult r = results.get(i);
      if (r.upToDate()) {
        continue;
      }
      b.append("## `").append(names.get(i)).append("`\n\n")
          .append(ProjectUpdater.pullRequestBody(r.fromVersion(), r.toVersion(), r.files())).append('\n');
    }
    return b.toString();
  }

  /** Names the branch after what it holds, so that the same targets give the same branch (and pull request). */
  private static String digest(List<String> names, List<UpdateResult> results) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < results.size(); i++) {
      b.append(names.get(i)).append('\0').append(results.get(i).toVersion()).append('\n');
    }
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** For {@code check --all}: the answers files below DIR, as {@link #update} would take them. */
  public static List<AnswersFinder.Found> find(Path dir) {
    return AnswersFinder.below(dir.toAbsolutePath().normalize());
  }
}
