package dev.scaffold.cli;

import dev.scaffold.InputException;
import dev.scaffold.Progress;
import dev.scaffold.ScaffoldException;
import dev.scaffold.answers.AnswerInputs;
import dev.scaffold.answers.AnswerRecorder;
import dev.scaffold.answers.AnswersFile;
import dev.scaffold.answers.Prompter;
import dev.scaffold.project.NewRequest;
import dev.scaffold.project.NewResult;
import dev.scaffold.project.ProjectGenerator;
import dev.scaffold.render.PlannedEntry;
import dev.scaffold.settings.Profile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scaffold new}: asks the questions, renders, commits, and provisions on GitHub when enabled. */
@Command(
    name = "new",
    description = {
      "Create a project from a template.",
      "",
      "Asks the template's questions (or reads --answers / --set), renders the template into DEST, "
          + "runs the template's tasks, makes the first git commit, and provisions the GitHub repository "
          + "when the template enables it. A failed run leaves DEST exactly as it was."
    },
    footer = {
      "",
      "TEMPLATE is a bundled name (see `scaffold list`), a folder, a git repository's path or URL, or "
          + "gh:OWNER/NAME. A private template on GitHub is read with GITHUB_TOKEN (or GH_TOKEN), which "
          + "goes to the GitHub in use only (github.com, or the --github-url host).",
      "Answers, strongest first: --set, then --answers (or --replay), then the settings profile's defaults "
          + "(see `scaffold settings`), then the template's defaults; a prompt offers the profile's default. "
          + "Answers typed at the prompts are kept when the run fails after them: the error names the file to "
          + "pass to --answers.",
      "Examples:",
      "  scaffold new java-library my-lib",
      "  scaffold new ./my-template out --answers answers.yml --non-interactive",
      "  scaffold new gh:acme/service-template svc --version v2.1.0 --trust",
      "  scaffold new https://git.example.com/templates/svc.git svc"
    })
public final class NewCommand implements Callable<Integer> {

  private final CliContext ctx;

  @Parameters(index = "0", arity = "0..1", paramLabel = "TEMPLATE", completionCandidates = CompletionCommand.TemplateNames.class,
      description = "Template to use.")
  String template;

  @Parameters(index = "1", arity = "0..1", paramLabel = "DEST", description = "Folder to create (default: from the template, e.g. the project's name).")
  String destination;

  @Mixin CommonOptions common;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Option(names = "--version", paramLabel = "REF", description = "Template version: a tag, branch, HEAD or commit (recorded as _commit); default: the newest release.")
  String version;

  @Option(names = "--prerelease", description = "Let the newest version be a pre-release.")
  boolean prerelease;

  @Option(names = "--force", description = "Write into a folder that is not empty.")
  boolean force;

  @Option(names = "--no-git", description = "Do not create a git repository.")
  boolean noGit;

  @Option(names = "--no-github", description = "Do not provision anything on GitHub, whatever the template says.")
  boolean noGithub;

  @Option(names = "--adopt", description = "Take over an empty GitHub repository of the name that this project did not create.")
  boolean adopt;

  @Option(names = "--github-url", paramLabel = "URL", description = "GitHub API URL (GitHub Enterprise or a test server); also SCAFFOLD_GITHUB_URL.")
  String githubUrl;

  @Option(names = "--trust", description = "Allow tasks of a template that is not local or bundled.")
  boolean trust;

  @Option(names = {"--yes", "-y"}, description = "Do not ask for confirmation before writing.")
  boolean yes;

  @Option(names = "--save-answers", paramLabel = "FILE", description = "Also write the answers (no secrets) to FILE, for reuse with --answers.")
  String saveAnswers;

  @Option(names = "--replay", description = "Reuse the answers last given for this template (an --answers file and --set win over them).")
  boolean replay;

  public NewCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    Progress progress = ctx.progress(common.verbose, common.json || common.quiet);
    Profile profile = common.profile(ctx);
    Services services = new Services(ctx, progress, githubUrl)
        .withProfileUrl(profile.githubUrl(), profile.where() + " github_url");
    boolean interactive = common.interactive(ctx);
    NewWarmUp.start(template, !noGit, interactive, ctx.env());
    Prompter prompter = interactive ? Prompters.forTerminal(ctx, yes) : null;
    try {
      return run(services, progress, prompter, profile);
    } finally {
      Prompters.close(prompter);
    }
  }

  private Integer run(Services services, Progress progress, Prompter terminal, Profile profile) {
    if (template == null) {
      if (terminal == null) {
        throw new InputException("no template given: name one (see `scaffold list`), a folder or a git URL");
      }
      template = Prompters.pickTemplate(terminal, services.catalog());
    }
    template = located(template, profile, services);
    AnswerInputs inputs = common.inputs(ctx);
    if (replay) {
      inputs = KeptAnswers.replayed(ctx, template, inputs);
    }
    boolean trusted = trust || profile.trusts(template);
    if (trusted && !trust) {
      progress.detail("tasks allowed: " + template + " is a trusted source of " + profile.where());
    }
    AnswerRecorder prompter = terminal == null ? null : new AnswerRecorder(terminal);
    NewRequest request =
        new NewRequest(
            template,
            destination == null ? null : ctx.path(destination),
            version,
            prerelease,
            inputs,
            prompter,
            common.defaults,
            common.dryRun,
            force,
            noGit,
            trusted);
    ProjectGenerator generator = new ProjectGenerator(services.resolver(), services.git(), services.publisher(noGithub, githubUrl, adopt), progress,
        ctx.workingDir(), ctx.env());
    NewResult result;
    try {
      result = generator.generate(request);
    } catch (ScaffoldException e) {
      throw KeptAnswers.failed(ctx, template, prompter, e);
    }
    KeptAnswers.keep(ctx, template, prompter);
    if (saveAnswers != null && !result.dryRun()) {
      AnswersFile.writeInputs(ctx.path(saveAnswers), result.answers().recordable());
    }
    if (common.json) {
      ctx.out().println(Json.write(json(result)));
    } else {
      text(result);
    }
    return ExitCodes.OK;
  }

  /**
   * A bare name that is neither bundled nor a folder here, looked up where the profile's {@code
   * template_location} says ({@code gh:acme/} makes {@code svc} {@code gh:acme/svc}).
   */
  private String located(String name, Profile profile, Services services) {
    if (profile.templateLocation() == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")
        || java.nio.file.Files.exists(ctx.path(name)) || services.catalog().find(name).isPresent()) {
      return name;
    }
    return profile.locate(name);
  }

  private void text(NewResult r) {
    var out = ctx.out();
    if (r.dryRun()) {
      out.println("Plan for " + r.destination() + " (dry run: nothing was written)");
      for (PlannedEntry e : r.plan().files()) {
        out.println("  write  " + e.path() + (e.kind() == PlannedEntry.Kind.RENDER ? "" : "  (copy)"));
      }
      out.println("  write  " + AnswersFile.NAME);
      r.tasks().forEach(t -> out.println("  run    " + t.display()));
      if (r.branch() != null) {
        out.println("  git    init, commit on " + r.branch());
      }
      String steps = r.published().getOrDefault("steps", "");
      if (!steps.isEmpty()) {
        steps.lines().forEach(s -> out.println("  github " + s));
      }
      return;
    }
    StringBuilder b = r.resumed()
        ? new StringBuilder("Resumed ").append(r.destination()).append(" (").append(r.templateName()).append(' ')
            .append(r.version()).append(", already created): provisioning finished")
        : new StringBuilder("Created ").append(r.destination()).append(" from ").append(r.templateName())
            .append(' ').append(r.version()).append(": ").append(r.plan().files().size()).append(" files");
    if (r.commit() != null) {
      b.append(", commit ").append(r.commit(), 0, 7).append(" on ").append(r.branch());
    }
    out.println(b.append('.'));
    r.published().forEach((k, v) -> out.println("  " + k.replace('_', ' ') + ": " + v));
    if (!common.quiet) {
      NextSteps.print(NextSteps.afterNew(r, ctx.workingDir()), out);
    }
  }

  private static Map<String, Object> json(NewResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", r.dryRun() ? "planned" : r.resumed() ? "resumed" : "created");
    m.put("destination", r.destination().toString());
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("name", r.templateName());
    t.put("source", r.origin().source());
    t.put("version", r.version());
    t.put("commit", r.origin().commit());
    m.put("template", t);
    m.put("files", r.plan().files().stream().map(PlannedEntry::path).toList());
    m.put("tasks", r.tasks().stream().map(x -> x.argv()).toList());
    m.put("answers", r.answers().recordable());
    m.put("branch", r.branch());
    m.put("commit", r.commit());
    if (r.dryRun()) {
      String steps = r.published().getOrDefault("steps", "");
      m.put("github_steps", steps.isEmpty() ? List.of() : steps.lines().toList());
    } else {
      m.put("github", r.published());
      m.put("message", r.message());
    }
    return m;
  }

}
