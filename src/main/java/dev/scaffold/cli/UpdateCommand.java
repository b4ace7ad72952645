package dev.scaffold.cli;

import dev.scaffold.InputException;
import dev.scaffold.Progress;
import dev.scaffold.answers.Prompter;
import dev.scaffold.update.ConflictStyle;
import dev.scaffold.update.FileOutcome;
import dev.scaffold.update.FleetRequest;
import dev.scaffold.update.FleetResult;
import dev.scaffold.update.RepoSelection;
import dev.scaffold.update.UpdateContinuation;
import dev.scaffold.update.UpdateRequest;
import dev.scaffold.update.UpdateResult;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scaffold update}: moves a project to another template version by a three-way merge. */
// no mixinStandardHelpOptions: its -V/--version would clash with --version TAG
@Command(
    name = "update",
    description = {
      "Move a generated project to a newer template version, keeping your edits.",
      "",
      "Renders the recorded version and the target with the same answers (asking only questions "
          + "new in the target), and merges the template's change into each file: files you never "
          + "touched take the new version, files you changed keep your change with the template's "
          + "merged in, and lines both changed become conflicts. Files you deleted stay deleted; "
          + "skip_if_exists files, and files the target starts to exclude, are never touched. A file left "
          + "with conflicts is recorded in the git index as unmerged (git status: UU; git add marks it resolved), "
          + "and --commit then stops before committing, for --continue. The result is left as uncommitted changes "
          + "unless --commit.",
      "",
      "Fleet form (--repo, --repos-file, --org with --topic): for each repository, a shallow clone "
          + "into a temporary folder, the same update without questions (--defaults and --set answer "
          + "new ones), committed on scaffold/update-<version>, pushed, and a pull request opened, or "
          + "the open scaffold pull request updated. Repositories at the target version are skipped, "
          + "ones without .scaffold-answers.yml are reported and left alone, and ones with conflicts "
          + "get a pull request titled [conflicts] that lists them. Running it again is safe. Needs "
          + "GITHUB_TOKEN or GH_TOKEN."
    },
    footer = {
      "",
      "Exit codes: 0 done (or nothing to do), 3 conflicts left (--dry-run: would be left; --commit: stopped, not committed; --continue: some still unresolved), 2 bad input, 1 failure (fleet: 1 when "
          + "any repository failed, else 3 when any has conflicts).",
      "Examples:",
      "  scaffold update                      (this folder, to the newest release)",
      "  scaffold update my-lib --version v2.1.0 --dry-run",
      "  scaffold update --set license=MIT    (change an answer, re-render, merge)",
      "  scaffold update --commit --conflict rej",
      "  scaffold update services/billing --answers-file .scaffold/ci.yml",
      "  scaffold update --all --commit       (every project below this folder, one commit)",
      "  scaffold update --continue           (after resolving and `git add`: commit the stopped update)",
      "  scaffold update --pr --non-interactive --defaults   (in CI: push a branch, open a pull request)",
      "  scaffold update --repo acme/a --repo acme/b --defaults",
      "  scaffold update --repo acme/a --template gh:acme/service-template",
      "  scaffold update --org acme --topic java-library --jobs 16 --json"
    })
public final class UpdateCommand implements Callable<Integer> {

  static final String DEFAULT_CONFLICT = "inline";

  private final CliContext ctx;

  @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
      description = "The project (default: this folder), which may be a sub-folder of a git repository; with --all, "
          + "the folder to search.")
  String directory;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Mixin CommonOptions common;

  @Option(names = "--version", paramLabel = "REF", description = "Target version: a tag, branch, HEAD or commit (recorded as _commit); default: the newest release.")
  String version;

  @Option(names = "--prerelease", description = "Let the newest version be a pre-release.")
  boolean prerelease;

  @Option(names = "--template", paramLabel = "SOURCE", description = TemplateOption.DESCRIPTION + " Fleet form: for every repository.")
  String template;

  @Option(names = "--trust", description = "Allow migrations and tasks of a template that is not local.")
  boolean trust;

  @Option(names = "--ask", paramLabel = "NAME", description = "Ask this question again, the recorded answer as default. Repeatable.")
  List<String> ask = new java.util.ArrayList<>();

  @Option(names = "--reask", description = "Ask every question again, the recorded answers as defaults.")
  boolean reask;

  @Option(names = "--conflict", paramLabel = "STYLE", defaultValue = DEFAULT_CONFLICT,
      description = "How to leave conflicts: inline (markers in the file, default) or rej (FILE.rej hunks; "
          + "FILE.1.rej where that name is taken).")
  String conflict;

  @Option(names = "--allow-dirty", description = "Update even with uncommitted changes (or without git).")
  boolean allowDirty;

  @Option(names = "--allow-downgrade", description = "Allow a target older than the recorded version.")
  boolean allowDowngrade;

  @Option(names = "--commit", description = "Commit the result on a new branch scaffold/update-<version>.")
  boolean commit;

  @Option(names = "--continue", description = "Finish an update --commit that stopped with conflicts: once they are "
      + "resolved and `git add`ed, commit on its branch with its message.")
  boolean continueUpdate;

  @Option(names = "--pr", description = "Also push that branch and open a pull request, or update the open one.")
  boolean pr;

  @Option(names = "--github-url", paramLabel = "URL",
      description = "GitHub API URL (GitHub Enterprise or a test server); also SCAFFOLD_GITHUB_URL.")
  String githubUrl;

  @Option(names = "--repo", paramLabel = "OWNER/NAME", description = "Update this GitHub repository (fleet form). Repeatable.")
  List<String> repos = new java.util.ArrayList<>();

  @Option(names = "--repos-file", paramLabel = "FILE", description = "Update the repositories named in FILE: one OWNER/NAME a line, # comments.")
  String reposFile;

  @Option(names = "--org", paramLabel = "ORG", description = "With --topic: update every repository of ORG that has TOPIC.")
  String org;

  @Option(names = "--shard", paramLabel = "K/N", description = "Fleet form: only share K of N (by a hash of OWNER/NAME), for N parallel jobs.")
  String shard;

  @Option(names = "--topic", paramLabel = "TOPIC", description = "The topic for --org.")
  String topic;

  @Option(names = "--answers-file", paramLabel = "PATH",
      description = "The project's answers file, relative to it (default: .scaffold-answers.yml, or the only one there); "
          + "for a template applied on top of another, e.g. .scaffold/ci.yml.")
  String answersFile;

  @Option(names = "--all", description = "Update every scaffold project below DIR (default: this folder), one after "
      + "another: one summary, and with --commit one commit (--pr one pull request) for all. All or nothing: if one "
      + "fails, none is changed.")
  boolean all;

  @Option(names = "--jobs", paramLabel = "N", description = "Repositories worked on at once (fleet form; default: ${DEFAULT-VALUE}).")
  int jobs = FleetRequest.defaultJobs();

  public UpdateCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    RepoSelection selection = new RepoSelection(repos, reposFile == null ? null : ctx.path(reposFile), org, topic);
    if (!selection.isEmpty()) {
      if (all || answersFile != null) {
        throw InputException.at(all ? "--all" : "--answers-file", "does not go with --repo/--repos-file/--org");
      }
      return fleet(selection);
    }
    if (all && answersFile != null) {
      throw InputException.at("--answers-file", "does not go with --all, which finds every answers file itself");
    }
    if (all && template != null) {
      throw InputException.at("--template", "does not go with --all, whose projects may come from different templates");
    }
    Progress progress = ctx.progress(common.verbose, common.json || common.quiet);
    Services services = new Services(ctx, progress, githubUrl);
    if (continueUpdate) {
      return continueUpdate(services);
    }
    String source = TemplateOption.source(ctx, services.catalog(), template);
    Prompter prompter = common.interactive(ctx) ? Prompters.forTerminal(ctx, true) : null;
    UpdateRequest request = new UpdateRequest(
        ctx.path(directory == null ? "." : directory), version, prerelease, common.inputs(ctx), prompter,
        common.defaults, style(), common.dryRun, allowDirty, allowDowngrade, commit, pr, trust, ask, reask, pr, source);
    if (all) {
      return all(services.allUpdater(pr ? githubUrl : null, pr).update(request));
    }
    UpdateResult result = services.updater(pr ? githubUrl : null, pr).update(request, answersFile);
    if (common.json) {
      ctx.out().println(Json.write(json(result)));
    } else {
      // one write, not a flush per line: the listing can run to thousands of lines
      java.io.StringWriter listing = new java.io.StringWriter();
      PrintWriter w = new PrintWriter(listing);
      text(result, w);
      if (!common.quiet) {
        NextSteps.print(NextSteps.afterUpdate(result, style()), w);
      }
      w.flush();
      ctx.out().print(listing);
      ctx.out().flush();
    }
    return result.conflicts().isEmpty() ? ExitCodes.OK : ExitCodes.ATTENTION;
  }

  /** {@code --all}: each project's listing, then one summary. */
  private int all(dev.scaffold.update.AllProjectsUpdater.Result all) {
    List<UpdateResult> results = all.projects();
    if (common.json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("status", all.dryRun() ? "planned" : all.conflicts() > 0 ? "conflicts" : "updated");
      m.put("dir", all.dir().toString());
      List<Object> projects = new java.util.ArrayList<>();
      for (int i = 0; i < results.size(); i++) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("answers_file", all.answersFiles().get(i));
        p.putAll(json(results.get(i)));
        projects.add(p);
      }
      m.put("projects", projects);
      m.put("branch", all.branch());
      m.put("commit", all.commit());
      m.put("pull_request", all.pullRequest());
      m.put("dry_run", all.dryRun());
      ctx.out().println(Json.write(m));
    } else {
      java.io.StringWriter listing = new java.io.StringWriter();
      PrintWriter out = new PrintWriter(listing);
      for (int i = 0; i < results.size(); i++) {
        out.println("[" + all.answersFiles().get(i) + "]");
        text(results.get(i), out);
      }
      long upToDate = results.stream().filter(UpdateResult::upToDate).count();
      long conflicted = results.stream().filter(r -> !r.conflicts().isEmpty()).count();
      out.println(results.size() + (results.size() == 1 ? " project: " : " projects: ")
          + (results.size() - upToDate) + (all.dryRun() ? " would be updated, " : " updated, ") + upToDate
          + " already up to date" + (conflicted == 0 ? "" : ", " + conflicted + " with conflicts") + ".");
      if (all.commit() != null) {
        out.println("Committed " + all.commit().substring(0, 7) + " on branch " + all.branch() + " (all projects).");
      }
      if (!all.dryRun() && all.branch() != null && all.commit() == null && all.pullRequest() == null) {
        out.println("Not committed: the update of all projects is in progress on branch " + all.branch()
            + ". Resolve the conflicts, `git add` each file, then `git commit` (the message is prepared) or "
            + "`scaffold update --continue " + all.dir() + "`.");
      }
      if (all.pullRequest() != null) {
        out.println("Pull request: " + all.pullRequest());
      }
      out.flush();
      ctx.out().print(listing);
      ctx.out().flush();
    }
    return all.conflicts() == 0 ? ExitCodes.OK : ExitCodes.ATTENTION;
  }

  private int continueUpdate(Services services) {
    if (commit || pr || common.dryRun || version != null || allowDirty || allowDowngrade || template != null) {
      throw InputException.at("--continue", "takes only the folder (and --json, --verbose): it finishes the update "
          + "that stopped, as that update was asked");
    }
    UpdateContinuation.Result r = services.updater().continueUpdate(ctx.path(directory == null ? "." : directory));
    if (common.json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("status", r.commit() == null ? "conflicts" : "updated");
      m.put("project", r.project().toString());
      m.put("from", r.fromVersion());
      m.put("to", r.toVersion());
      m.put("branch", r.branch());
      m.put("commit", r.commit());
      m.put("remaining", r.remaining());
      ctx.out().println(Json.write(m));
    } else if (r.commit() == null) {
      ctx.out().println("Not yet: the update to " + r.toVersion() + " on branch " + r.branch() + " still has "
          + r.remaining().size() + " thing(s) to resolve:");
      r.remaining().forEach(line -> ctx.out().println("  " + line));
    } else {
      ctx.out().println((r.alreadyDone() ? "Already committed: " : "Committed ") + r.commit().substring(0, 7)
          + " on branch " + r.branch() + " (update " + r.fromVersion() + " → " + r.toVersion() + ").");
    }
    ctx.out().flush();
    return r.commit() == null ? ExitCodes.ATTENTION : ExitCodes.OK;
  }

  private ConflictStyle style() {
    switch (conflict.toLowerCase(java.util.Locale.ROOT)) {
      case "inline":
      case "markers":
        return ConflictStyle.INLINE;
      case "rej":
        return ConflictStyle.REJ;
      default:
        throw InputException.at("--conflict " + conflict, "expected inline or rej");
    }
  }

  /** The fleet form: many repositories on GitHub, each updated through a pull request. */
  private int fleet(RepoSelection selection) {
    if (directory != null) {
      throw InputException.at(directory, "a folder and --repo/--repos-file/--org do not go together: the fleet form "
          + "clones each repository itself");
    }
    if (jobs < 1 || jobs > 64) {
      throw InputException.at("--jobs " + jobs, "expected 1 to 64");
    }
    if (allowDirty) {
      throw InputException.at("--allow-dirty", "has no meaning for the fleet form, which works on fresh clones");
    }
    Services services = new Services(ctx, Progress.NONE, githubUrl);
    FleetView view = common.quiet ? FleetView.silent(ctx) : FleetView.of(ctx, common.json);
    List<String> names = (shard == null ? dev.scaffold.update.Shard.ALL : dev.scaffold.update.Shard.parse(shard))
        .select(services.repoSource(githubUrl).list(selection));
    FleetRequest request = new FleetRequest(names, version, prerelease, common.inputs(ctx), common.defaults, style(),
        allowDowngrade, jobs, common.dryRun, TemplateOption.source(ctx, services.catalog(), template));
    FleetResult result;
    try {
      result = services.fleetUpdater(githubUrl, view).update(request);
    } finally {
      view.close();
    }
    if (common.json) {
      FleetView.json(result, ctx.out());
    } else {
      view.summary(result, ctx.out());
    }
    return result.anyFailed() ? ExitCodes.FAILURE : result.anyConflicted() ? ExitCodes.ATTENTION : ExitCodes.OK;
  }

  private static void text(UpdateResult r, PrintWriter out) {
    if (r.upToDate()) {
      out.println(r.project() + " is already at " + r.toVersion() + " of " + r.template() + ": nothing to do.");
      return;
    }
    String head = r.dryRun()
        ? "Plan for updating " + r.project() + " from " + r.fromVersion() + " to " + r.toVersion() + " (dry run: nothing was written)"
        : "Updated " + r.project() + " from " + r.fromVersion() + " to " + r.toVersion();
    out.println(head);
    int width = r.dryRun() ? 14 : 9; // the longest label: "would conflict", "unchanged"
    for (FileOutcome f : r.files()) {
      if (!r.dryRun() && f.action() == FileOutcome.Action.UNCHANGED) {
        continue;
      }
      // padded by hand: String.format's parser costs more than the rest of a 5,000-file listing
      String label = r.dryRun() ? planLabel(f.action()) : f.action().label();
      StringBuilder b = new StringBuilder("  ").append(label).append(" ".repeat(Math.max(1, width + 1 - label.length())))
          .append(f.path());
      if (f.from() != null) {
        b.append("  (from ").append(f.from()).append(')');
      }
      if (f.note() != null) {
        b.append("  - ").append(f.note());
      }
      out.println(b);
    }
    if (!r.newQuestions().isEmpty()) {
      out.println("New questions: " + String.join(", ", r.newQuestions()));
    }
    for (String c : r.commands()) {
      out.println((r.dryRun() ? "  would run " : "  ran ") + c);
    }
    out.println(r.dryRun() ? planSummary(r) : doneSummary(r));
    if (r.commit() != null) {
      out.println("Committed " + r.commit().substring(0, 7) + " on branch " + r.branch() + ".");
    }
    if (r.pullRequest() != null) {
      out.println("Pull request: " + r.pullRequest());
    }
    List<FileOutcome> conflicts = r.conflicts();
    if (!conflicts.isEmpty()) {
      out.println(conflicts.size() + " file(s) " + (r.dryRun() ? "would have" : "have") + " conflicts to resolve:");
      conflicts.forEach(c -> out.println("  " + c.path()));
    }
    if (r.stoppedForConflicts()) {
      out.println("Not committed: the update is in progress on branch " + r.branch() + ". Resolve the conflicts, "
          + "`git add` each file, then `git commit` (the message is prepared) or `scaffold update --continue`.");
    }
  }

  /** A dry run's listing reads as a plan; --json keeps the stable {@link FileOutcome.Action#label()}. */
  static String planLabel(FileOutcome.Action a) {
    return switch (a) {
      case UNCHANGED -> "unchanged";
      case UPDATED -> "would update";
      case MERGED -> "would merge";
      case CONFLICT -> "would conflict";
      case ADDED -> "would add";
      case REMOVED -> "would remove";
      case KEPT -> "would keep";
    };
  }

  private static String doneSummary(UpdateResult r) {
    StringBuilder summary = new StringBuilder();
    for (FileOutcome.Action a : FileOutcome.Action.values()) {
      long n = r.count(a);
      if (n > 0) {
        summary.append(summary.length() == 0 ? "" : ", ").append(n).append(' ').append(a.label());
      }
    }
    return summary.length() == 0 ? "No template files." : summary + ".";
  }

  /** E.g. "3 files would change, 1 would conflict, 1 would keep yours; nothing was written." */
  private static String planSummary(UpdateResult r) {
    long change = r.count(FileOutcome.Action.UPDATED) + r.count(FileOutcome.Action.MERGED)
        + r.count(FileOutcome.Action.ADDED) + r.count(FileOutcome.Action.REMOVED);
    long conflict = r.count(FileOutcome.Action.CONFLICT);
    long kept = r.count(FileOutcome.Action.KEPT);
    StringBuilder s = new StringBuilder(change == 0 ? "No file" : change + (change == 1 ? " file" : " files"))
        .append(" would change");
    if (conflict > 0) {
      s.append(", ").append(conflict).append(" would conflict");
    }
    if (kept > 0) {
      s.append(", ").append(kept).append(" would keep yours");
    }
    return s.append("; nothing was written.").toString();
  }

  private static Map<String, Object> json(UpdateResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", r.upToDate() ? "up-to-date" : r.dryRun() ? "planned" : r.conflicts().isEmpty() ? "updated" : "conflicts");
    m.put("project", r.project().toString());
    m.put("template", r.template());
    m.put("from", r.fromVersion());
    m.put("to", r.toVersion());
    m.put("to_commit", r.toCommit());
    m.put("files", r.files().stream().map(f -> {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("path", f.path());
      e.put("action", f.action().label());
      if (f.from() != null) {
        e.put("from", f.from());
      }
      if (f.note() != null) {
        e.put("note", f.note());
      }
      return e;
    }).toList());
    m.put("conflicts", r.conflicts().stream().map(FileOutcome::path).toList());
    m.put("new_questions", r.newQuestions());
    m.put("commands", r.commands());
    m.put("answers", r.answers());
    m.put("branch", r.branch());
    m.put("commit", r.commit());
    m.put("pull_request", r.pullRequest());
    m.put("in_progress", r.stoppedForConflicts());
    m.put("dry_run", r.dryRun());
    m.put("message", r.message());
    return m;
  }
}
