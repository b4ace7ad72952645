package dev.scaffold.cli;

import dev.scaffold.settings.Profile;
import dev.scaffold.settings.SettingsFile;
import dev.scaffold.template.YamlWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scaffold settings ...}: the user's settings file and its named profiles. */
@Command(
    name = "settings",
    mixinStandardHelpOptions = true,
    description = {
      "Show and change user settings: named profiles of default answers, GitHub API URL, trusted template "
          + "sources and template location.",
      "",
      "The file is $XDG_CONFIG_HOME/scaffold/settings.yml (default ~/.config/scaffold/settings.yml). The profile "
          + "in use is --profile NAME, else SCAFFOLD_PROFILE, else the one `settings use` chose, else default."
    },
    footer = {
      "",
      "Keys: github_url (the GitHub API URL, below --github-url and SCAFFOLD_GITHUB_URL), trusted_sources "
          + "(comma-separated prefixes such as gh:acme/ whose template tasks run without --trust), "
          + "template_location (where a name that is not bundled is looked up, such as gh:acme/), and any "
          + "question name (author_name, author_email, github_org, ...): a default answer.",
      "Answers, strongest first: --set, --answers, the profile's defaults, the template's defaults.",
      "Secrets are never stored: a token stays in GITHUB_TOKEN or GH_TOKEN, or in gh (`gh auth token` is "
          + "asked when gh is installed and neither variable is set).",
      "Examples:",
      "  scaffold settings set author_name 'Ada Lovelace'",
      "  scaffold settings set --profile work github_url https://github.acme.com/api/v3",
      "  scaffold settings set --profile work trusted_sources gh:acme/",
      "  scaffold settings use work",
      "  scaffold settings show"
    },
    subcommands = {SettingsCommand.Show.class, SettingsCommand.Set.class, SettingsCommand.Unset.class,
        SettingsCommand.Use.class, SettingsCommand.ListProfiles.class})
public final class SettingsCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The option that picks a profile, shared by the subcommands. */
  static final class ProfileOption {
    @Option(names = "--profile", paramLabel = "NAME", completionCandidates = ProfileNames.class,
        description = "Profile to use (default: SCAFFOLD_PROFILE, else the one `settings use` chose, else default).")
    String profile;
  }

  /** {@code settings show}. */
  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "Show the settings of the profile in use (or --profile NAME), and the file they are in.")
  static final class Show implements Callable<Integer> {
    private final CliContext ctx;
    @CommandLine.Mixin ProfileOption option;
    @Option(names = "--json", description = "Print a machine-readable result on stdout.")
    boolean json;

    Show(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      SettingsFile settings = SettingsFile.load(ctx.env());
      Profile p = settings.select(option.profile, ctx.env());
      Map<String, Object> shown = settings.shown(p.name());
      if (json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("profile", p.name());
        m.put("file", settings.file().toString());
        m.put("settings", shown);
        ctx.out().println(Json.write(m));
        return ExitCodes.OK;
      }
      ctx.out().println("# profile " + p.name() + " (" + settings.file() + ")");
      ctx.out().print(shown.isEmpty() ? "# no settings: `scaffold settings set KEY VALUE` adds some\n" : YamlWriter.write(shown));
      return ExitCodes.OK;
    }
  }

  /**
   * A subcommand that changes the file: loads it, makes one change, writes it whole and says what
   * it did, with the file's path.
   */
  abstract static class Change implements Callable<Integer> {
    final CliContext ctx;

    Change(CliContext ctx) {
      this.ctx = ctx;
    }

    /** Makes the change and says what was done, or returns null when there is nothing to write. */
    abstract String change(SettingsFile settings);

    @Override
    public Integer call() {
      SettingsFile settings = SettingsFile.load(ctx.env());
      String done = change(settings);
      if (done != null) {
        settings.write();
        ctx.err().println(done + " (" + settings.file() + ")");
      }
      return ExitCodes.OK;
    }
  }

  /** {@code settings set}. */
  @Command(name = "set", mixinStandardHelpOptions = true,
      description = "Set KEY to VALUE in the profile in use (or --profile NAME, which is created if need be).")
  static final class Set extends Change {
    @CommandLine.Mixin ProfileOption option;
    @Parameters(index = "0", paramLabel = "KEY", description = "github_url, trusted_sources, template_location, or a question name.")
    String key;
    @Parameters(index = "1", paramLabel = "VALUE", description = "The value (trusted_sources: prefixes separated by commas).")
    String value;

    Set(CliContext ctx) {
      super(ctx);
    }

    @Override
    String change(SettingsFile settings) {
      String name = settings.selectedName(option.profile, ctx.env());
      settings.set(name, key, value);
      return "set " + key + " in profile " + name;
    }
  }

  /** {@code settings unset}. */
  @Command(name = "unset", mixinStandardHelpOptions = true,
      description = "Remove KEY from the profile in use (or --profile NAME).")
  static final class Unset extends Change {
    @CommandLine.Mixin ProfileOption option;
    @Parameters(index = "0", paramLabel = "KEY", description = "The key to remove.")
    String key;

    Unset(CliContext ctx) {
      super(ctx);
    }

    @Override
    String change(SettingsFile settings) {
      String name = settings.selectedName(option.profile, ctx.env());
      settings.select(option.profile, ctx.env()); // an unknown profile is an error listing the known ones
      if (!settings.unset(name, key)) {
        ctx.err().println(key + " is not set in profile " + name + ": nothing to do");
        return null;
      }
      return "unset " + key + " in profile " + name;
    }
  }

  /** {@code settings use}. */
  @Command(name = "use", mixinStandardHelpOptions = true,
      description = "Make PROFILE the one in use when neither --profile nor SCAFFOLD_PROFILE names another.")
  static final class Use extends Change {
    @Parameters(index = "0", paramLabel = "PROFILE", completionCandidates = ProfileNames.class, description = "A profile of the settings file.")
    String profile;

    Use(CliContext ctx) {
      super(ctx);
    }

    @Override
    String change(SettingsFile settings) {
      settings.use(profile);
      return "using profile " + profile;
    }
  }

  /** {@code settings list}. */
  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "List the profiles; * marks the one in use.")
  static final class ListProfiles implements Callable<Integer> {
    private final CliContext ctx;
    @Option(names = "--json", description = "Print a machine-readable result on stdout.")
    boolean json;

    ListProfiles(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      SettingsFile settings = SettingsFile.load(ctx.env());
      String active = settings.selectedName(null, ctx.env());
      List<String> names = names(settings);
      if (json) {
        List<Object> out = new ArrayList<>();
        for (String n : names) {
          out.add(Map.of("name", n, "active", n.equals(active)));
        }
        ctx.out().println(Json.write(out));
      } else {
        names.forEach(n -> ctx.out().println((n.equals(active) ? "* " : "  ") + n));
      }
      return ExitCodes.OK;
    }
  }

  /** The profiles of the file, {@code default} first even when the file has none. */
  static List<String> names(SettingsFile settings) {
    List<String> names = new ArrayList<>(settings.profileNames());
    if (!names.contains(SettingsFile.DEFAULT_PROFILE)) {
      names.add(0, SettingsFile.DEFAULT_PROFILE);
    }
    return names;
  }

  /** Profile names for shell completion: those of the settings file when the script is made. */
  static final class ProfileNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      try {
        return names(SettingsFile.load(System.getenv())).iterator();
      } catch (RuntimeException e) {
        return List.of(SettingsFile.DEFAULT_PROFILE).iterator(); // a broken file is reported when it is used
      }
    }
  }
}
