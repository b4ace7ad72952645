package dev.scaffold.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code scaffold help [COMMAND...]}. picocli's own help command looks up only the first name, so
 * {@code help template lint} showed the help of {@code template}; this one follows every name.
 */
@Command(
    name = "help",
    helpCommand = true,
    description = "Show the help of a command, such as `scaffold help template lint`.")
final class HelpCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command, with its subcommands.")
  String[] names = {};

  @Override
  public Integer call() {
    CommandLine shown = spec.parent().commandLine();
    for (String name : names) {
      CommandLine next = shown.getSubcommands().get(name);
      if (next == null) {
        return ScaffoldCli.unknown(shown.getErr(), shown.getCommandSpec(), "command", name,
            shown.getSubcommands().keySet());
      }
      shown = next;
    }
    shown.usage(shown.getOut());
    return ExitCodes.OK;
  }
}
