package dev.scaffold.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Lays out the prose of help (description, command list, footer) breaking lines at spaces only.
 * picocli breaks where {@link java.text.BreakIterator} allows, which cuts words such as
 * {@code .scaffold-answers.yml} after a dot or a hyphen; and its command list showed only the
 * first line of a description, cutting a summary mid-sentence.
 */
final class HelpLayout {

  private HelpLayout() {}

  /** Uses this layout on {@code cl} and all its subcommands. */
  static void use(CommandLine cl) {
    Map<String, CommandLine.IHelpSectionRenderer> sections = cl.getHelpSectionMap();
    sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_DESCRIPTION,
        help -> paragraphs(help.commandSpec().usageMessage().description(), width(help)));
    sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER,
        help -> paragraphs(help.commandSpec().usageMessage().footer(), width(help)));
    sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, HelpLayout::commandList);
    cl.setHelpSectionMap(sections);
    cl.getSubcommands().values().forEach(HelpLayout::use);
  }

  private static int width(CommandLine.Help help) {
    return help.commandSpec().usageMessage().width();
  }

  /** A command's summary: its first description line, which is a whole sentence. */
  static String summary(CommandSpec spec) {
    String[] header = spec.usageMessage().header();
    String[] lines = header.length > 0 ? header : spec.usageMessage().description();
    return lines.length == 0 ? "" : lines[0];
  }

  private static String commandList(CommandLine.Help help) {
    Map<String, CommandLine> subs = help.commandSpec().subcommands();
    int names = 0;
    for (Map.Entry<String, CommandLine> e : subs.entrySet()) {
      if (!e.getValue().getCommandSpec().usageMessage().hidden()) {
        names = Math.max(names, e.getKey().length());
      }
    }
    StringBuilder out = new StringBuilder();
    String indent = " ".repeat(2 + names + 2);
    for (Map.Entry<String, CommandLine> e : subs.entrySet()) {
      CommandSpec spec = e.getValue().getCommandSpec();
      if (spec.usageMessage().hidden() || !spec.name().equals(e.getKey())) {
        continue; // aliases are listed once, under the command's name
      }
      List<String> lines = wrap(summary(spec), width(help) - indent.length() - 2);
      String first = "  " + String.format("%-" + names + "s", e.getKey()) + "  ";
      for (int i = 0; i < lines.size(); i++) {
        out.append(i == 0 ? first : indent + "  ").append(lines.get(i)).append(System.lineSeparator());
      }
      if (lines.isEmpty()) {
        out.append(first.stripTrailing()).append(System.lineSeparator());
      }
    }
    return out.toString();
  }

  /** Each line of {@code text} wrapped to {@code width}, continued at its own indentation. */
  private static String paragraphs(String[] text, int width) {
    StringBuilder out = new StringBuilder();
    for (String line : text) {
      if (line.length() <= width) {
        out.append(line).append(System.lineSeparator()); // as written: examples align their comments
        continue;
      }
      String body = line.stripLeading();
      String indent = line.substring(0, line.length() - body.length());
      List<String> lines = wrap(body, width - indent.length() - (indent.isEmpty() ? 0 : 4));
      for (int i = 0; i < lines.size(); i++) {
        // an indented line (an example) goes on further in, to read as one
        out.append(indent).append(i > 0 && !indent.isEmpty() ? "    " : "").append(lines.get(i))
            .append(System.lineSeparator());
      }
    }
    return out.toString();
  }

  /** {@code text} in lines of at most {@code width}, broken at spaces (a longer word stands alone). */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.strip().split(" +")) {
      if (word.isEmpty()) {
        continue;
      }
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() > 0 ? " " : "").append(word);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }
}
