package dev.scaffold.cli;

import dev.scaffold.InputException;
import dev.scaffold.answers.AnswerInputs;
import dev.scaffold.answers.AnswersFile;
import dev.scaffold.settings.Profile;
import dev.scaffold.settings.SettingsFile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options shared by the commands that take answers and change things (SPEC §3). */
public final class CommonOptions {

  @Option(names = "--answers", paramLabel = "FILE", description = "Answers file, YAML or JSON: question name → answer. Wins over the profile's defaults.")
  String answersFile;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Answer a question; wins over --answers. Repeatable.")
  List<String> set = new java.util.ArrayList<>();

  @Option(names = "--defaults", description = "Take the default for every question not answered otherwise.")
  boolean defaults;

  @Option(names = "--non-interactive", description = "Never prompt (implied when stdin is not a terminal); missing answers are errors.")
  boolean nonInteractive;

  @Option(names = "--dry-run", description = "Print the plan (files, git and GitHub steps); write nothing, change nothing.")
  boolean dryRun;

  @Option(names = "--json", description = "Print a machine-readable result on stdout.")
  boolean json;

  @Option(names = "--verbose", description = "Show details, and stack traces on errors.")
  boolean verbose;

  @Option(names = {"-q", "--quiet"}, description = "No progress and no next steps: only the result line and errors.")
  boolean quiet;

  @Option(names = "--profile", paramLabel = "NAME", completionCandidates = SettingsCommand.ProfileNames.class,
      description = "Settings profile for default answers, GitHub URL and trusted sources (default: SCAFFOLD_PROFILE, "
          + "else the one `scaffold settings use` chose, else default).")
  String profile;

  private Profile selected;

  /** The settings profile in force: read once, an error naming the file when it is broken. */
  Profile profile(CliContext ctx) {
    if (selected == null) {
      selected = SettingsFile.load(ctx.env()).select(profile, ctx.env());
    }
    return selected;
  }

  /** Answers by source: --set, then --answers, then the profile's defaults (over the template's). */
  AnswerInputs inputs(CliContext ctx) {
    Map<String, Object> sets = new LinkedHashMap<>();
    for (String kv : set) {
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        throw InputException.at("--set " + kv, "expected KEY=VALUE");
      }
      sets.put(kv.substring(0, eq).strip(), kv.substring(eq + 1));
    }
    Map<String, Object> file = Map.of();
    String fileName = null;
    if (answersFile != null) {
      Path p = ctx.path(answersFile);
      file = AnswersFile.readInputs(p, answersFile);
      fileName = answersFile;
    }
    Profile p = profile(ctx);
    return new AnswerInputs(sets, file, fileName, Map.of(), p.answers(), p.where());
  }

  boolean interactive(CliContext ctx) {
    return !nonInteractive && !json && ctx.terminal();
  }
}
