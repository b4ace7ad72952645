package dev.scaffold.cli;

import dev.scaffold.template.BundledTemplates;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Parameters;

/** {@code scaffold completion bash|zsh|fish}: a shell completion script on stdout. */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {
      "Print a shell completion script: commands, options, bundled template names and profile names.",
      "",
      "Profile names are those of the settings file when the script is made: make it again after adding one."
    },
    footer = {
      "",
      "Examples:",
      "  source <(scaffold completion bash)                 # in ~/.bashrc",
      "  source <(scaffold completion zsh)                  # in ~/.zshrc",
      "  scaffold completion fish > ~/.config/fish/completions/scaffold.fish"
    })
public final class CompletionCommand implements Callable<Integer> {

  /** The shells a script is made for. */
  enum Shell { bash, zsh, fish }

  private final CliContext ctx;

  @Parameters(index = "0", paramLabel = "SHELL", description = "bash, zsh or fish.")
  Shell shell;

  public CompletionCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    CommandLine all = ScaffoldCli.commandLine(ctx);
    ctx.out().print(switch (shell) {
      // picocli's bash script serves zsh too, through zsh's bashcompinit
      case bash, zsh -> AutoComplete.bash("scaffold", all);
      case fish -> fish(all);
    });
    return ExitCodes.OK;
  }

  /** Template names for completion: the bundled ones, and those on SCAFFOLD_TEMPLATES_PATH. */
  static final class TemplateNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return BundledTemplates.fromEnvironment(System.getenv()).list().stream().map(BundledTemplates.Entry::name).iterator();
    }
  }

  /** fish's {@code complete} lines for every command, option and candidate value of the tree. */
  static String fish(CommandLine root) {
    StringBuilder b = new StringBuilder("# scaffold completion for fish: scaffold completion fish | source\n");
    b.append("complete -c scaffold -f\n");
    walk(b, root, List.of());
    return b.toString();
  }

  private static void walk(StringBuilder b, CommandLine cl, List<String> path) {
    String here = condition(path, cl);
    for (Map.Entry<String, CommandLine> sub : cl.getSubcommands().entrySet()) {
      if (sub.getValue().getCommandSpec().usageMessage().hidden()) {
        continue;
      }
      b.append("complete -c scaffold -n ").append(quote(here)).append(" -a ").append(quote(sub.getKey()))
          .append(" -d ").append(quote(summary(sub.getValue().getCommandSpec()))).append('\n');
    }
    CommandSpec spec = cl.getCommandSpec();
    String inCommand = path.isEmpty() ? "__fish_use_subcommand" : seen(path);
    for (OptionSpec o : spec.options()) {
      if (o.hidden()) {
        continue;
      }
      b.append("complete -c scaffold -n ").append(quote(inCommand));
      for (String n : o.names()) {
        if (n.startsWith("--")) {
          b.append(" -l ").append(n.substring(2));
        } else if (n.startsWith("-") && n.length() == 2) {
          b.append(" -s ").append(n.substring(1));
        }
      }
      if (o.arity().max() > 0) {
        b.append(" -r");
        String values = candidates(o);
        b.append(values.isEmpty() ? " -F" : " -a " + quote(values));
      }
      if (o.description().length > 0) {
        b.append(" -d ").append(quote(firstSentence(o.description()[0])));
      }
      b.append('\n');
    }
    for (CommandLine.Model.PositionalParamSpec p : spec.positionalParameters()) {
      String values = candidates(p);
      if (!values.isEmpty()) {
        b.append("complete -c scaffold -n ").append(quote(here)).append(" -a ").append(quote(values)).append('\n');
      } else if (!path.isEmpty()) {
        b.append("complete -c scaffold -n ").append(quote(seen(path))).append(" -F\n");
      }
    }
    for (Map.Entry<String, CommandLine> sub : cl.getSubcommands().entrySet()) {
      if (!sub.getKey().equals("help")) {
        walk(b, sub.getValue(), append(path, sub.getKey()));
      }
    }
  }

  /** True while the words typed are {@code path} and then no subcommand of {@code cl}. */
  private static String condition(List<String> path, CommandLine cl) {
    if (path.isEmpty()) {
      return "__fish_use_subcommand";
    }
    String subs = String.join(" ", cl.getSubcommands().keySet());
    return seen(path) + (subs.isEmpty() ? "" : "; and not __fish_seen_subcommand_from " + subs);
  }

  private static String seen(List<String> path) {
    StringBuilder c = new StringBuilder();
    for (String p : path) {
      c.append(c.length() == 0 ? "" : "; and ").append("__fish_seen_subcommand_from ").append(p);
    }
    return c.toString();
  }

  private static String candidates(ArgSpec a) {
    Iterable<String> values = a.completionCandidates();
    if (values == null) {
      return "";
    }
    StringBuilder s = new StringBuilder();
    for (String v : values) {
      s.append(s.length() == 0 ? "" : " ").append(v);
    }
    return s.toString();
  }

  private static String summary(CommandSpec spec) {
    String[] d = spec.usageMessage().description();
    return d.length == 0 ? "" : firstSentence(d[0]);
  }

  private static String firstSentence(String text) {
    int dot = text.indexOf(". ");
    String s = dot > 0 ? text.substring(0, dot) : text;
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  /** A fish single-quoted word: only {@code \} and {@code '} need escaping there. */
  private static String quote(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  private static List<String> append(List<String> path, String name) {
    List<String> out = new java.util.ArrayList<>(path);
    out.add(name);
    return out;
  }
}
