package dev.scaffold.update;

import dev.scaffold.OperationException;
import dev.scaffold.Progress;
import dev.scaffold.answers.AnswersFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The fleet form of {@code scaffold update}: for each repository, a shallow clone into its own
 * temporary folder, the same update {@link ProjectUpdater} does locally, committed on
 * {@code scaffold/update-<version>}, pushed, and published as one pull request per repository
 * ({@link PullRequestPublisher}). Repositories run on a bounded pool; one failing never stops the
 * others, and outcomes come back in the order asked.
 */
public final class FleetUpdater {

  private final FleetHost host;
  private final RepoWorkspace workspace;
  private final Function<Progress, ProjectUpdater> updaters;
  private final FleetListener listener;

  /** @param updaters builds an updater reporting to the given progress, one per repository */
  public FleetUpdater(FleetHost host, RepoWorkspace workspace, Function<Progress, ProjectUpdater> updaters,
      FleetListener listener) {
    this.host = host;
    this.workspace = workspace;
    this.updaters = updaters;
    this.listener = listener;
  }

  public FleetResult update(FleetRequest request) {
    long t0 = System.nanoTime();
    listener.planned(request.repos().size());
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(request.jobs(), Math.max(1, request.repos().size())),
        r -> {
          Thread t = new Thread(r, "scaffold-fleet-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    try {
      List<Future<RepoOutcome>> futures = new ArrayList<>();
      for (String repo : request.repos()) {
        futures.add(pool.submit(() -> one(repo, request)));
      }
      List<RepoOutcome> outcomes = new ArrayList<>();
      for (int i = 0; i < futures.size(); i++) {
        try {
          outcomes.add(futures.get(i).get());
        } catch (ExecutionException e) {
          // one() catches everything; this is an Error from a worker
          outcomes.add(failed(request.repos().get(i), null, null, e.getCause(), 0));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          pool.shutdownNow();
          throw new OperationException("interrupted while updating repositories", e);
        }
      }
      return new FleetResult(outcomes, Duration.ofNanos(System.nanoTime() - t0));
    } finally {
      pool.shutdownNow();
    }
  }

  private RepoOutcome one(String repo, FleetRequest request) {
    long t0 = System.nanoTime();
    listener.started(repo);
    Path dir = null;
    String from = null;
    String to = null;
    RepoOutcome outcome;
    try {
      String owner = repo.substring(0, repo.indexOf('/'));
      String name = repo.substring(repo.indexOf('/') + 1);
      listener.step(repo, "look up");
      FleetHost.RemoteRepo remote = host.repo(owner, name).orElseThrow(() -> new OperationException(
          "no such repository, or the token may not see it"));
      if (remote.archived()) {
        throw new OperationException("the repository is archived (read-only)");
      }
      dir = TemplateVersionSource.tempDir("scaffold-fleet-");
      Path project = dir.resolve("repo");
      listener.step(repo, "clone " + remote.defaultBranch());
      workspace.cloneShallow(remote.cloneUrl(), remote.defaultBranch(), project);
      if (!Files.isRegularFile(project.resolve(AnswersFile.NAME))) {
        outcome = outcome(repo, RepoOutcome.Status.NO_ANSWERS, null, null, null, null, List.of(),
            "no " + AnswersFile.NAME + " on " + remote.defaultBranch() + ": not made by scaffold, left alone", t0);
      } else {
        outcome = update(repo, owner, name, remote, project, request, t0);
      }
    } catch (RuntimeException e) {
      outcome = failed(repo, from, to, e, t0);
    } finally {
      TemplateVersionSource.deleteQuietly(dir);
    }
    listener.finished(outcome);
    return outcome;
  }

  private RepoOutcome update(String repo, String owner, String name, FleetHost.RemoteRepo remote, Path project,
      FleetRequest request, long t0) {
    Progress progress = new Progress() {
      @Override
      public void step(String message) {
        listener.step(repo, message);
      }

      @Override
      public void warn(String message) {
        listener.warn(repo, message);
      }

      @Override
      public void count(String task, long done, long total) {
        listener.count(repo, task, done, total);
      }
    };
    ProjectUpdater updater = updaters.apply(progress);
    UpdateResult r = updater.update(new UpdateRequest(project, request.version(), request.prerelease(),
        request.answers(), null, request.useDefaults(), request.conflictStyle(), request.dryRun(), false,
        request.allowDowngrade(), true, false, false, List.of(), false, true, // a pull request shows the conflicts: commit them
        request.template()));
    List<String> conflicts = r.conflicts().stream().map(FileOutcome::path).toList();
    if (r.upToDate()) {
      return outcome(repo, RepoOutcome.Status.UP_TO_DATE, r.fromVersion(), r.toVersion(), null, null, List.of(),
          null, t0);
    }
    if (request.dryRun()) {
      return outcome(repo, RepoOutcome.Status.PLANNED, r.fromVersion(), r.toVersion(), r.branch(), null, conflicts,
          null, t0);
    }
    // the update commit's subject, as `scaffold update --pr` titles its pull requests
    String title = (conflicts.isEmpty() ? "" : "[conflicts] ") + workspace.headSubject(project);
    String body = body(r, conflicts);
    PullRequestPublisher.Published p = new PullRequestPublisher(host, workspace, Map.of(), Progress.NONE)
        .publish(owner, name, remote, project, r.branch(), title, body, progress);
    RepoOutcome.Status status;
    String note = null;
    switch (p.kind()) {
      case KEPT:
        status = RepoOutcome.Status.KEPT;
        note = "someone else pushed to " + r.branch() + ": left it as it is";
        break;
      case DECLINED:
        status = RepoOutcome.Status.DECLINED;
        note = "this version's pull request was closed: not proposed again; reopen it to have it updated";
        break;
      case UNCHANGED:
        status = conflicts.isEmpty() ? RepoOutcome.Status.UNCHANGED : RepoOutcome.Status.CONFLICTS;
        note = "the pull request holds this update already";
        break;
      case UPDATED:
        status = conflicts.isEmpty() ? RepoOutcome.Status.UPDATED : RepoOutcome.Status.CONFLICTS;
        note = "updated the open pull request";
        break;
      default:
        status = conflicts.isEmpty() ? RepoOutcome.Status.OPENED : RepoOutcome.Status.CONFLICTS;
    }
    return outcome(repo, status, r.fromVersion(), r.toVersion(), r.branch(), p.url(), conflicts, note, t0);
  }

  private static String body(UpdateResult r, List<String> conflicts) {
    StringBuilder b = new StringBuilder(ProjectUpdater.pullRequestBody(r.fromVersion(), r.toVersion(), r.files()));
    if (!conflicts.isEmpty()) {
      b.append("\nEach conflict is marked in its file with `<<<<<<<`, `=======` and `>>>>>>>` lines: edit the "
          + "file (here in the browser, or on a checkout of `").append(r.branch())
          .append("`), keep what is right, remove the markers, and commit to this branch.\n");
    }
    if (!r.newQuestions().isEmpty()) {
      b.append("\nNew questions, answered with their defaults or `--set`: ")
          .append(String.join(", ", r.newQuestions())).append(".\n");
    }
    b.append("\nOpened by `scaffold update`; running it again updates this pull request instead of opening "
        + "another.\n");
    return b.toString();
  }

  private static RepoOutcome outcome(String repo, RepoOutcome.Status status, String from, String to, String branch,
      String pr, List<String> conflicts, String note, long t0) {
    return new RepoOutcome(repo, status, from, to, branch, pr, conflicts, note,
        t0 == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - t0));
  }

  private static RepoOutcome failed(String repo, String from, String to, Throwable e, long t0) {
    String message = e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage() : e.getClass().getSimpleName();
    return outcome(repo, RepoOutcome.Status.FAILED, from, to, null, null, List.of(), message, t0);
  }
}
