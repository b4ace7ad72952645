package dev.scaffold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.ScaffoldVersion;
import dev.scaffold.testing.Cli;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code help} follows nested commands, and {@code --version} on a command works where help lists it. */
class HelpAndVersionTest {

  @TempDir Path dir;

  @Test
  void helpTemplateLintShowsLintsHelp() {
    Cli.Run r = Cli.run(dir, "help", "template", "lint");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().startsWith("Usage: scaffold template lint "), r.out());
    assertEquals(Cli.run(dir, "template", "lint", "--help").out(), r.out());
  }

  @Test
  void helpOfAnUnknownCommandSuggests() {
    Cli.Run r = Cli.run(dir, "help", "template", "lnt");
    assertEquals(2, r.exit());
    assertTrue(r.err().startsWith("error: unknown command `lnt`\n  did you mean: lint?\n"), r.err());
  }

  /** Each command either prints scaffold's version, or takes --version as a TAG or REF and lists it so. */
  @Test
  void versionOnEachCommandWorksOrTakesATag() {
    String version = "scaffold " + ScaffoldVersion.current() + System.lineSeparator();
    for (String cmd : new String[] {"check", "diff", "list", "template"}) {
      Cli.Run r = Cli.run(dir, cmd, "--version");
      assertEquals(0, r.exit(), cmd + ": " + r.err());
      assertEquals(version, r.out(), cmd);
      assertEquals(version, Cli.run(dir, cmd, "-V").out(), cmd + " -V");
      assertTrue(Cli.run(dir, cmd, "--help").out().contains("-V, --version"), cmd);
    }
    for (String[] cmd : new String[][] {{"new"}, {"update"}, {"template", "lint"}}) {
      String name = String.join(" ", cmd);
      String label = name.equals("template lint") ? "TAG" : "REF"; // new and update take any git ref
      String help = Cli.run(dir, (name + " --help").split(" ")).out();
      assertTrue(help.contains("--version=" + label), name + ": " + help);
      assertTrue(!help.contains("-V,"), name + ": " + help);
      Cli.Run r = Cli.run(dir, (name + " --version").split(" "));
      assertEquals(2, r.exit(), name);
      assertTrue(r.err().startsWith("error: Missing required parameter for option '--version' (" + label + ")"), r.err());
    }
  }
}
