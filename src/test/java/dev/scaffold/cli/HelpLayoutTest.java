package dev.scaffold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.testing.Cli;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Every command's help fits its width and breaks lines at spaces only, summaries whole. */
class HelpLayoutTest {

  @TempDir Path dir;

  /** Every command, as its words after {@code scaffold}. */
  private List<CommandLine> commands() {
    CliContext ctx = new CliContext(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
        new ByteArrayInputStream(new byte[0]), Map.of(), dir, false);
    List<CommandLine> all = new ArrayList<>();
    collect(ScaffoldCli.commandLine(ctx), all);
    return all;
  }

  private static void collect(CommandLine cl, List<CommandLine> all) {
    all.add(cl);
    cl.getSubcommands().values().forEach(c -> collect(c, all));
  }

  private static String words(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  /** In a pipe the width is 80; {@code picocli.usage.width} stands in for a wide terminal. */
  @Test
  void helpFitsAndBreaksAtSpacesAt80And200Columns() {
    check(80);
    String before = System.getProperty("picocli.usage.width");
    System.setProperty("picocli.usage.width", "200");
    try {
      check(200);
    } finally {
      if (before == null) {
        System.clearProperty("picocli.usage.width");
      } else {
        System.setProperty("picocli.usage.width", before);
      }
    }
  }

  private void check(int width) {
    List<CommandLine> all = commands();
    assertEquals(17, all.size(), "scaffold, its 9 commands, template lint, template test and the 5 settings commands");
    for (CommandLine cl : all) {
      String name = cl.getCommandSpec().qualifiedName();
      String[] words = (name.replaceFirst("^scaffold ?", "") + " --help").strip().split(" ");
      Cli.Run r = name.endsWith(" help") ? Cli.run(dir, "help", "help") : Cli.run(dir, words);
      assertEquals(0, r.exit(), name + ": " + r.err());
      for (String line : r.out().split("\\R")) {
        assertTrue(line.length() <= width, name + " at " + width + ": " + line.length() + ": " + line);
      }
      // a line broken inside a word would add a space the text does not have
      String shown = words(r.out());
      for (String text : cl.getCommandSpec().usageMessage().description()) {
        assertTrue(shown.contains(words(text)), name + " at " + width + " misses: " + text + "\n" + r.out());
      }
      for (String text : cl.getCommandSpec().usageMessage().footer()) {
        assertTrue(shown.contains(words(text)), name + " at " + width + " misses: " + text + "\n" + r.out());
      }
      for (CommandLine sub : cl.getSubcommands().values()) {
        String summary = HelpLayout.summary(sub.getCommandSpec());
        assertTrue(summary.endsWith("."), "summary of " + sub.getCommandName() + " is a whole sentence: " + summary);
        assertTrue(shown.contains(sub.getCommandName() + " " + words(summary)),
            name + " at " + width + " cuts the summary of " + sub.getCommandName() + ":\n" + r.out());
      }
    }
  }

  @Test
  void wrapBreaksOnlyAtSpaces() {
    assertEquals(List.of("ones without", ".scaffold-answers.yml", "are"),
        HelpLayout.wrap("ones without .scaffold-answers.yml are", 14));
  }
}
