package dev.scaffold.update;

import dev.scaffold.ConfinedPaths;
import dev.scaffold.InputException;
import dev.scaffold.OperationException;
import dev.scaffold.Problem;
import dev.scaffold.Progress;
import dev.scaffold.ScaffoldVersion;
import dev.scaffold.answers.AnswerInputs;
import dev.scaffold.answers.Answers;
import dev.scaffold.answers.AnswersFile;
import dev.scaffold.answers.RecordedAnswers;
import dev.scaffold.project.Timing;
import dev.scaffold.publish.GitClient;
import dev.scaffold.publish.GitRepo;
import dev.scaffold.template.BundledTemplates;
import dev.scaffold.template.GitSources;
import dev.scaffold.template.ResolvedTemplate;
import dev.scaffold.template.TemplateFetcher;
import dev.scaffold.template.TemplateResolver;
import dev.scaffold.template.TemplateVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code scaffold update} and {@code scaffold check} use cases: find the template's versions,
 * render the recorded one and the target with the same answers, and merge old→new into the
 * project ({@link TreeMerger}); record the new version; optionally commit on a branch and open a
 * pull request. Never prints; reports through {@link Progress}.
 */
public final class ProjectUpdater {

  /** Prefix of the branch {@code --commit} creates; the target version follows it. */
  public static final String BRANCH_PREFIX = "scaffold/update-";

  /** The trailer in the message of every update commit, by which later runs know scaffold's own commits. */
  public static final String TRAILER = "Scaffold-Update";

  private final TemplateVersionSource source;
  private final TemplateFetcher fetcher;
  private final GitClient git;
  private final TextMerge textMerge;
  private final ChangePublisher publisher;
  private final Progress progress;
  private final Map<String, String> environment;

  /** @param publisher pushes and opens pull requests for {@code --pr}; null where there is none */
  public ProjectUpdater(TemplateResolver resolver, TemplateFetcher fetcher, GitClient git, TextMerge textMerge,
      ChangePublisher publisher, Progress progress) {
    this(resolver, fetcher, git, textMerge, publisher, progress, System.getenv());
  }

  /** @param environment the command's environment, which migrations and tasks get less the GitHub token */
  public ProjectUpdater(TemplateResolver resolver, TemplateFetcher fetcher, GitClient git, TextMerge textMerge,
      ChangePublisher publisher, Progress progress, Map<String, String> environment) {
    this.environment = environment;
    this.source = new TemplateVersionSource(resolver, fetcher, progress);
    this.fetcher = fetcher;
    this.git = git;
    this.textMerge = textMerge;
    this.publisher = publisher;
    this.progress = progress;
  }

  /** Whether a newer version of the project's template exists. */
  public CheckResult check(Path project, boolean prerelease) {
    return check(project, null, prerelease);
  }

  /** As {@link #check(Path, boolean)}, for the answers file at {@code answersFile} (null: find it). */
  public CheckResult check(Path project, String answersFile, boolean prerelease) {
    return check(project, answersFile, prerelease, null);
  }

  /** As {@link #check(Path, String, boolean)}, reading {@code template} (when not null) in place of the recorded one. */
  public CheckResult check(Path project, String answersFile, boolean prerelease, String template) {
    String file = AnswersFinder.locate(project, answersFile);
    AnswersFile.Recorded recorded =
        TemplateInUse.of(AnswersFile.readRecorded(project, file), project, file, template);
    TemplateVersionSource.Kind kind = source.kind(recorded, project);
    if (kind == TemplateVersionSource.Kind.FOLDER) {
      throw TemplateVersionSource.noVersions(recorded, project);
    }
    progress.step("list versions of " + recorded.template());
    Versions versions = source.versions(recorded, kind);
    TemplateVersion newest = versions.newest(prerelease).orElseThrow(() -> noTags(recorded));
    Optional<TemplateVersion> current =
        recorded.version() == null ? Optional.empty() : TemplateVersion.parse(recorded.version());
    boolean newer = current.isEmpty() || newest.compareTo(current.get()) > 0;
    return new CheckResult(project, recorded.template(), recorded.version(), newest.tag(), newer, versions.tags(),
        versions.ignored());
  }

  public UpdateResult update(UpdateRequest request) {
    return update(request, null);
  }

  /**
   * As {@link #update(UpdateRequest)}, for the answers file at {@code answersFile} in the project
   * (null: {@link AnswersFinder#locate find it}); one of several templates applied to a project
   * updates only its own files.
   */
  public UpdateResult update(UpdateRequest request, String answersFile) {
    Timing.mark("update: start");
    Path project = request.project().toAbsolutePath().normalize();
    String answers = AnswersFinder.locate(project, answersFile);
    if (!request.dryRun()) {
      String recovered = dev.scaffold.project.Staging.recoverInterrupted(project);
      if (recovered != null) {
        progress.warn(recovered);
      }
    }
    GitCheck gitCheck = GitCheck.start(git, project, !request.dryRun());
    try {
      return update(request, project, answers, gitCheck);
    } finally {
      gitCheck.abandon();
    }
  }

  private UpdateResult update(UpdateRequest request, Path project, String answersFile, GitCheck gitCheck) {
    // a link at the answers file is refused here, before anything is read through it or written
    AnswersFile.Recorded inFile = AnswersFile.readRecorded(project, answersFile);
    AnswersFile.Recorded recorded = TemplateInUse.of(inFile, project, answersFile, request.template());
    Timing.mark("update: answers read");
    TemplateVersionSource.Kind kind = source.kind(recorded, project);
    Timing.mark("update: kind");
    if (kind == TemplateVersionSource.Kind.FOLDER) {
      throw TemplateVersionSource.noVersions(recorded, project);
    }
    if (request.pullRequest() && publisher == null) {
      throw new InputException("--pr needs somewhere to open pull requests, and none is configured; "
          + "use --commit and push the branch yourself");
    }
    StoredVersions stored = storedVersions(recorded, kind);
    try {
      return update(request, project, answersFile, gitCheck, recorded, kind, stored, inFile.template());
    } finally {
      if (stored != null) {
        stored.close();
      }
    }
  }

  private UpdateResult update(UpdateRequest request, Path project, String answersFile, GitCheck gitCheck,
      AnswersFile.Recorded recorded, TemplateVersionSource.Kind kind, StoredVersions stored, String recordedSource) {
    boolean commit = request.commit() || request.pullRequest();
    TemplateVersionSource versionSource = stored == null ? source
        : new TemplateVersionSource(new TemplateResolver(new BundledTemplates(List.of()), stored, project, progress),
            stored, progress);
    progress.step("list versions of " + recorded.template());
    // through the object database's source, which lists the tags once for this and both checkouts
    Versions versions = versionSource.versions(recorded, kind);
    String target = target(request, recorded, versions);
    if (kind == TemplateVersionSource.Kind.BUNDLED && !target.equals(recorded.version())) {
      throw InputException.at(project.resolve(answersFile).toString(),
          "the project was made from the bundled template `" + recorded.template() + "` of scaffold "
              + recorded.version() + ", and this is scaffold " + ScaffoldVersion.current()
              + ", which ships only its own version: there is no old version to merge from. Keep templates you "
              + "update in a git repository with version tags");
    }
    // a branch or HEAD may have moved since it was recorded: only a version tag is known to be the same
    boolean sameVersion = target.equals(recorded.version()) && versions.find(target).isPresent();
    if (sameVersion && !request.changesAnswers()) {
      progress.step("already at " + target + ": nothing to do");
      return new UpdateResult(project, recorded.template(), recorded.version(), target, recorded.commit(), List.of(),
          List.of(), recorded.answers(), null, null, null, request.dryRun(), true);
    }
    requireOrder(request, recorded.version(), target, versions);

    GitRepo repo = null;
    Path work = null;
    String oldRef = oldRef(recorded, versions);
    if (stored != null) {
      stored.prefetch(oldRef);
      stored.prefetch(target);
    }
    String branch = commit ? BRANCH_PREFIX + target : null;
    Checked checked = null;
    try {
      Timing.mark("update: versions listed");
      if (request.prompter() != null) {
        // before any question: nobody should answer questions for an update that cannot start
        checked = checkGit(request, project, commit, branch, gitCheck);
        repo = checked.repo();
      }

      work = TemplateVersionSource.tempDir("scaffold-update-");
      try (ResolvedTemplate oldT = resolveRecorded(versionSource, recorded, oldRef, kind);
          ResolvedTemplate newT = versionSource.resolve(recorded.template(), target)) {
        RecordedAnswers.requireFit(oldT.spec(), recorded.answers(), request.answers().set().keySet(), project);
        if (recorded.commit() != null && oldT.origin().commit() != null && !recorded.commit().equals(oldT.origin().commit())) {
          progress.warn("tag " + recorded.version() + " now points at " + oldT.origin().commit().substring(0, 12)
              + ", not at the recorded commit " + recorded.commit().substring(0, Math.min(12, recorded.commit().length()))
              + "; merging from the tag as it is now");
        }
        Timing.mark("update: templates resolved");
        AnswerInputs newInputs = askAgain(request, newT, request.answers().withRecorded(recorded.answers()));
        Answers newAnswers =
            TemplateVersionSource.answers(newT, newInputs, request.prompter(), request.useDefaults(), progress);
        Answers oldAnswers = oldAnswers(oldT, recorded, newAnswers);
        // rendered before anything is written, like the files: a broken one refuses the update whole
        String message = TemplateVersionSource.messageAfterUpdate(newT, newAnswers);
        Migrations commands = commands(newT, newAnswers, recorded.version(), target, versions);
        requireTrust(newT, commands, request.trust());
        List<String> newQuestions = new ArrayList<>();
        newT.spec().questions().forEach(q -> {
          if (oldT.spec().question(q.name()).isEmpty()) {
            newQuestions.add(q.name());
          }
        });

        Timing.mark("update: answers");
        progress.step("render " + recorded.version() + " and " + target);
        TemplateVersionSource.Pair renders = stored == null ? null : stored.renderPair(oldT, oldAnswers, newT, newAnswers);
        if (renders == null) {
          if (stored != null) {
            stored.complete(oldT);
            stored.complete(newT);
          }
          renders = TemplateVersionSource.renderPair(oldT, oldAnswers, newT, newAnswers, work);
        }

        Timing.mark("update: rendered");
        if (checked == null) {
          // the status ran on another core while the versions were read and rendered
          checked = checkGit(request, project, commit, branch, gitCheck);
          repo = checked.repo();
          Timing.mark("update: git status");
        }
        String baseBranch = repo == null ? null : repo.branch();
        // the old version's rules, then the new one's: a file once kept stays kept unless the new version says `!`
        List<String> skip = new ArrayList<>(TemplateVersionSource.skipIfExists(oldT, oldAnswers));
        skip.addAll(TemplateVersionSource.skipIfExists(newT, newAnswers));
        TreeMerger merger = new TreeMerger(textMerge, request.conflictStyle(), skip,
            "template " + recorded.version(), "template " + target, newlyExcluded(newT, newAnswers, oldT, renders.base()),
            progress);
        progress.step("merge " + recorded.version() + " → " + target + " into " + project);
        Map<String, GitRepo.TrackedFile> unchanged = checked.unchanged();
        if (!request.dryRun() && !commands.before().isEmpty()) {
          runBefore(commands, project, recorded.version(), target);
          unchanged = Map.of(); // the commands may have changed any file: the status is stale
        }
        TreeMerger.Plan plan = merger.plan(renders.base(), renders.theirs(), project, renders.same(), unchanged);
        Timing.mark("update: planned");
        Map<String, Object> answers = newAnswers.recordable();
        List<String> ran = commands.all().stream().map(Migrations.Planned::display).toList();
        if (request.dryRun()) {
          return new UpdateResult(project, recorded.template(), recorded.version(), target, newT.origin().commit(),
              plan.outcomes(), newQuestions, answers, branch, null, null, true, false, ran, null);
        }

        if (branch != null) {
          progress.step("switch to new branch " + branch);
          repo.switchToNewBranch(branch);
        }
        merger.apply(plan, project);
        Timing.mark("update: applied");
        writeAnswers(project, answersFile,
            // as recorded: --template is for this run, and a relative folder stays relative
            new AnswersFile.Recorded(recordedSource, target, newT.origin().commit(), answers));
        String left = "the update's files are merged and recorded, and nothing was committed"
            + (branch != null ? " (on branch " + branch + ")" : "")
            + "; fix the cause and run the rest by hand, or undo the update with git";
        for (Migrations.Planned m : commands.after()) {
          runner().run(List.of(m.task()), project, Migrations.environment(recorded.version(), target), m.kind(), left);
        }

        if (repo != null) {
          repo.recordModes(modesWritten(plan));
          repo.recordUnmerged(plan.unmerged());
        }

        String commitId = null;
        String pr = null;
        if (branch != null) {
          String title = "Update " + newT.spec().name() + " template from " + recorded.version() + " to " + target;
          String commitMessage = title + "\n\n" + TRAILER + ": " + recorded.version() + " -> " + target + "\n";
          if (!plan.conflicts().isEmpty() && !request.commitConflicts()) {
            // conflict markers are never committed: the merge stays in progress for `--continue`
            stopForConflicts(repo, plan, branch, recorded.version(), target, commitMessage);
            return new UpdateResult(project, recorded.template(), recorded.version(), target, newT.origin().commit(),
                plan.outcomes(), newQuestions, answers, branch, null, null, false, false, ran, message, rejects(plan));
          }
          progress.step("commit on " + branch);
          commitId = repo.commitAll(commitMessage);
          if (request.pullRequest()) {
            progress.step("push " + branch + " and open a pull request");
            boolean conflicts = plan.outcomes().stream().anyMatch(o -> o.action() == FileOutcome.Action.CONFLICT);
            // the repository's root: in a monorepo the project is only a folder of it
            Path root = repo.root() == null ? project : repo.root();
            try {
              pr = publisher.publish(new ChangePublisher.Change(root, branch, baseBranch,
                  (conflicts ? "[conflicts] " : "") + title, pullRequestBody(recorded.version(), target, plan.outcomes())));
            } catch (RuntimeException e) {
              throw unpublished(repo, branch, baseBranch, progress, e);
            }
          }
        }
        return new UpdateResult(project, recorded.template(), recorded.version(), target, newT.origin().commit(),
            plan.outcomes(), newQuestions, answers, branch, commitId, pr, false, false, ran, message, rejects(plan));
      }
    } finally {
      TemplateVersionSource.deleteQuietly(work);
      if (repo != null) {
        repo.close();
      }
    }
  }

  /**
   * {@code --ask NAME} and {@code --reask}: those recorded answers are not taken as given but
   * offered as the questions' defaults, so the question is asked (or, without a terminal, the
   * recorded answer is kept unless {@code --set} gives another).
   */
  private static AnswerInputs askAgain(UpdateRequest request, ResolvedTemplate newT, AnswerInputs inputs) {
    if (!request.reask() && request.ask().isEmpty()) {
      return inputs;
    }
    List<Problem> unknown = new ArrayList<>();
    for (String name : request.ask()) {
      if (newT.spec().question(name).isEmpty()) {
        unknown.add(Problem.at("--ask " + name, "the template " + newT.versionLabel() + " has no question `" + name
            + "`" + (newT.spec().questions().isEmpty() ? ""
                : " (questions: " + String.join(", ", newT.spec().questions().stream()
                    .map(dev.scaffold.template.Question::name).toList()) + ")")));
      }
    }
    if (!unknown.isEmpty()) {
      throw new InputException(unknown.size() == 1 ? unknown.get(0).toString() : "unknown questions for --ask", unknown);
    }
    Map<String, Object> recorded = new LinkedHashMap<>(inputs.recorded());
    Map<String, Object> offered = new LinkedHashMap<>();
    List<String> names = request.reask()
        ? newT.spec().questions().stream().map(dev.scaffold.template.Question::name).toList() : request.ask();
    for (String name : names) {
      if (recorded.containsKey(name)) {
        offered.put(name, recorded.remove(name));
      }
    }
    return inputs.withRecorded(recorded).withOffered(offered);
  }

  private dev.scaffold.project.TaskRunner runner() {
    return new dev.scaffold.project.TaskRunner(progress, environment);
  }

  /** The target's migrations crossed by this update, and its update tasks. */
  private Migrations commands(ResolvedTemplate newT, Answers newAnswers, String from, String to, Versions versions) {
    TemplateVersion fromVersion = from == null ? null : versions.find(from).orElse(null);
    TemplateVersion toVersion = versions.find(to).orElse(null);
    if (!newT.spec().migrations().isEmpty() && (fromVersion == null || toVersion == null)) {
      progress.warn("migrations belong to versions, and " + (fromVersion == null ? from : to)
          + " is no version tag: none run in this update");
    }
    return Migrations.plan(newT.spec().migrations(), newT.spec().tasks(), TemplateVersionSource.engine(newT),
        TemplateVersionSource.model(newT, newAnswers), from, to, fromVersion, toVersion);
  }

  /**
   * A pull request that could not be made leaves the repository as it was: back on {@code back},
   * without the local update branch, so that the next run makes the update again instead of finding
   * the project already at the new version. What the remote got (a pushed branch) the next run reuses.
   */
  static RuntimeException unpublished(GitRepo repo, String branch, String back, Progress progress, RuntimeException e) {
    try {
      repo.abandonBranch(branch, back);
      progress.warn("no pull request was made: " + back + " is checked out again and the local branch " + branch
          + " deleted, so the next run starts over");
    } catch (RuntimeException undo) {
      e.addSuppressed(undo);
      progress.warn(undo.getMessage() + "; `git checkout " + back + " && git branch -D " + branch
          + "` puts the repository back as it was");
    }
    return e;
  }

  /** As for {@code new}'s tasks: a template from elsewhere runs commands only with {@code --trust}. */
  private static void requireTrust(ResolvedTemplate t, Migrations commands, boolean trust) {
    if (commands.isEmpty() || t.origin().isLocal() || trust) {
      return;
    }
    List<Problem> problems = commands.all().stream().map(c -> Problem.at(c.kind(), c.task().display())).toList();
    throw new InputException("the template " + t.origin().source() + " comes from elsewhere and wants to run "
        + problems.size() + " command(s) in this update; read them below and pass --trust to allow them", problems);
  }

  /**
   * Runs the {@code before} migrations on a backup of the project: one that fails puts every file
   * back as it was, so the failed update leaves nothing behind.
   */
  private void runBefore(Migrations commands, Path project, String from, String to) {
    try (ProjectBackup backup = ProjectBackup.of(project)) {
      try {
        for (Migrations.Planned m : commands.before()) {
          runner().run(List.of(m.task()), project, Migrations.environment(from, to), m.kind(),
              "the project was put back as it was before the update, and nothing was merged");
        }
      } catch (RuntimeException e) {
        backup.restore();
        throw e;
      }
    }
  }

  /**
   * For a template in a git repository: versions read from an object database (the repository
   * itself on this machine, else one copy fetched for both versions) rather than checked out, when
   * the fetcher can ({@link TemplateTrees}).
   */
  private StoredVersions storedVersions(AnswersFile.Recorded recorded, TemplateVersionSource.Kind kind) {
    if (kind != TemplateVersionSource.Kind.GIT || !(fetcher instanceof TemplateTrees trees)) {
      return null;
    }
    return new StoredVersions(fetcher, trees, GitSources.expand(recorded.template()));
  }

  /**
   * What to check out for the recorded version: its tag, or, when the project records a branch,
   * {@code HEAD} or a commit rather than a version tag, the recorded commit (the branch has moved on).
   */
  private static String oldRef(AnswersFile.Recorded recorded, Versions versions) {
    boolean tag = recorded.version() == null || versions.find(recorded.version()).isPresent()
        || versions.ignored().contains(recorded.version());
    return tag || recorded.commit() == null ? recorded.version() : recorded.commit();
  }

  private static ResolvedTemplate resolveRecorded(TemplateVersionSource source, AnswersFile.Recorded recorded,
      String ref, TemplateVersionSource.Kind kind) {
    try {
      return source.resolve(recorded.template(), kind == TemplateVersionSource.Kind.BUNDLED ? null : ref);
    } catch (InputException e) {
      throw new InputException("cannot get the recorded version " + recorded.version() + " of " + recorded.template()
          + ": " + e.getMessage(), e.problems(), e);
    }
  }

  /** The recorded answers for the old render, plus the new run's answers to what was never recorded (secrets). */
  private Answers oldAnswers(ResolvedTemplate oldT, AnswersFile.Recorded recorded, Answers newAnswers) {
    Map<String, Object> known = new LinkedHashMap<>(recorded.answers());
    newAnswers.values().forEach((k, v) -> {
      if (!known.containsKey(k) && !newAnswers.computed().contains(k)) {
        known.put(k, v);
      }
    });
    try {
      return TemplateVersionSource.answers(oldT, new AnswerInputs(Map.of(), Map.of(), null, known), null, true,
          Progress.NONE);
    } catch (InputException e) {
      throw new InputException("the recorded answers do not render the recorded version " + recorded.version()
          + ": " + e.getMessage(), e.problems(), e);
    }
  }

  private String target(UpdateRequest request, AnswersFile.Recorded recorded, Versions versions) {
    if (request.version() != null) {
      // a version tag, or any other ref (branch, HEAD, commit): the checkout says whether it exists
      String bad = versions.find(request.version()).isPresent() || versions.ignored().contains(request.version())
          ? null : GitSources.refProblem(request.version());
      if (bad != null) {
        throw InputException.at("--version " + request.version(), bad);
      }
      return request.version();
    }
    return versions.newest(request.prerelease()).orElseThrow(() -> noTags(recorded)).tag();
  }

  private static void requireOrder(UpdateRequest request, String current, String target, Versions versions) {
    Optional<TemplateVersion> from = current == null ? Optional.empty() : TemplateVersion.parse(current);
    Optional<TemplateVersion> to = versions.find(target);
    if (from.isPresent() && to.isPresent() && to.get().compareTo(from.get()) < 0 && !request.allowDowngrade()) {
      throw InputException.at("--version " + target, target + " is older than the recorded " + current
          + "; pass --allow-downgrade to go back");
    }
  }

  /** The mode of every file the plan wrote with one (for {@code core.fileMode=false}, where git would not see it). */
  private static Map<String, Boolean> modesWritten(TreeMerger.Plan plan) {
    Map<String, Boolean> out = new LinkedHashMap<>();
    plan.writes().stream().filter(w -> w.executable() != null).forEach(w -> out.put(w.path(), w.executable()));
    return out;
  }

  private void stopForConflicts(GitRepo repo, TreeMerger.Plan plan, String branch, String from, String to,
      String message) {
    List<String> conflicted = plan.conflicts().stream().map(FileOutcome::path).toList();
    progress.step("stop with the merge in progress on " + branch);
    new UpdateInProgress(branch, repo.head(), from, to, message, conflicted, rejects(plan)).save(repo.gitDir());
  }

  /** The {@code .rej} files the plan writes for {@code --conflict rej}: written, and none of them a conflicted file. */
  private static List<String> rejects(TreeMerger.Plan plan) {
    List<String> conflicted = plan.conflicts().stream().map(FileOutcome::path).toList();
    return plan.writes().stream().map(TreeMerger.Write::path)
        .filter(p -> p.endsWith(".rej") && !conflicted.contains(p)).toList();
  }

  /** {@code scaffold update --continue}: see {@link UpdateContinuation}. */
  public UpdateContinuation.Result continueUpdate(Path project) {
    return new UpdateContinuation(git, progress).resume(project);
  }

  /** The project's repository (null when it is none) and its unchanged files' ids. */
  private record Checked(GitRepo repo, Map<String, GitRepo.TrackedFile> unchanged) {}

  /** {@link #prepareGit}, and the branch {@code --commit} would make must be new. */
  private static Checked checkGit(UpdateRequest request, Path project, boolean commit, String branch,
      GitCheck gitCheck) {
    GitCheck.State state = gitCheck.take();
    GitRepo repo = prepareGit(request, project, commit, state);
    try {
      if (branch != null && repo.hasBranch(branch)) {
        throw InputException.at(project.toString(), "branch " + branch + " exists already; delete it or merge it first");
      }
    } catch (RuntimeException e) {
      repo.close();
      throw e;
    }
    return new Checked(repo, repo == null ? Map.of() : state.unchanged());
  }

  /** An update stopped with conflicts is finished first; a state git has moved past is dropped. */
  private static void requireNoUpdateInProgress(GitRepo repo, Path project, boolean dryRun) {
    UpdateInProgress state = repo == null ? null : UpdateInProgress.read(repo.gitDir());
    if (state == null) {
      return;
    }
    if (!state.staleIn(repo)) {
      throw InputException.at(project.toString(), "an update to " + state.toVersion() + " is in progress on branch "
          + state.branch() + "; resolve its conflicts, `git add` them and run `scaffold update --continue`");
    }
    if (!dryRun) {
      UpdateInProgress.clear(repo.gitDir());
    }
  }

  /** The checks before anything is written, on the state {@link GitCheck} read; owns its repository. */
  private static GitRepo prepareGit(UpdateRequest request, Path project, boolean commit, GitCheck.State state) {
    if (!state.repository()) {
      if (commit) {
        throw InputException.at(project.toString(), "is not a git repository, so --commit and --pr cannot work");
      }
      if (!request.allowDirty() && !request.dryRun()) {
        throw InputException.at(project.toString(), "is not a git repository: update changes files in place, so put "
            + "the project under git first, or pass --allow-dirty");
      }
      return null;
    }
    if (state.failure() != null) {
      throw state.failure();
    }
    GitRepo repo = state.repo();
    try {
      requireNoUpdateInProgress(repo, project, request.dryRun());
      if (!request.dryRun()) {
        List<String> dirty = state.dirty();
        if (!dirty.isEmpty() && (commit || !request.allowDirty())) {
          List<Problem> problems = dirty.stream().limit(20).map(p -> Problem.at(p, "uncommitted change")).toList();
          throw new InputException(project + " has " + dirty.size() + " uncommitted change(s); commit or stash them"
              + (commit ? " (--commit needs a clean working tree)" : ", or pass --allow-dirty"), problems);
        }
      }
      return repo;
    } catch (RuntimeException e) {
      repo.close();
      throw e;
    }
  }

  private static void writeAnswers(Path project, String answersFile, AnswersFile.Recorded recorded) {
    try {
      new ConfinedPaths(project).write(answersFile,
          AnswersFile.render(recorded, answersFile).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new OperationException("cannot write " + answersFile + ": " + e.getMessage(), e);
    }
  }

  static String pullRequestBody(String from, String to, List<FileOutcome> outcomes) {
    StringBuilder b = new StringBuilder();
    b.append("Updates the project's template from **").append(from).append("** to **").append(to).append("**.\n\n");
    for (FileOutcome.Action a : FileOutcome.Action.values()) {
      if (a == FileOutcome.Action.UNCHANGED) {
        continue;
      }
      long n = outcomes.stream().filter(o -> o.action() == a).count();
      if (n > 0) {
        b.append("- ").append(a.label()).append(": ").append(n).append('\n');
      }
    }
    List<FileOutcome> conflicts = outcomes.stream().filter(o -> o.action() == FileOutcome.Action.CONFLICT).toList();
    if (conflicts.isEmpty()) {
      b.append("\nNo conflicts.\n");
    } else {
      b.append("\n### Conflicts to resolve\n\n");
      conflicts.forEach(c -> b.append("- `").append(c.path()).append("`: ").append(c.note()).append('\n'));
    }
    return b.toString();
  }

  private static InputException noTags(AnswersFile.Recorded recorded) {
    return InputException.at(recorded.template(), "has no version tags (such as v1.0.0), so there is nothing to update to");
  }

  /**
   * Whether the new version's {@code exclude} covers a path of the old render, by its output path or
   * (as the renderer matches too) its source path; the old version's source stands in for the new one's.
   */
  private static java.util.function.Predicate<String> newlyExcluded(ResolvedTemplate newT, Answers newAnswers,
      ResolvedTemplate oldT, RenderedTree base) {
    dev.scaffold.render.Glob exclude = new dev.scaffold.render.Glob(TemplateVersionSource.exclude(newT,
        TemplateVersionSource.engine(newT), TemplateVersionSource.model(newT, newAnswers)), "exclude");
    if (exclude.isEmpty()) {
      return p -> false;
    }
    String tree = oldT.spec().subdirectory() + "/";
    return path -> {
      if (exclude.matches(path)) {
        return true;
      }
      String source = base.sources().get(path);
      return source != null && source.startsWith(tree) && exclude.matches(source.substring(tree.length()));
    };
  }
}
