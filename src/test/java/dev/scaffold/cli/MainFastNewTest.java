package dev.scaffold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The picocli-free reader of {@code scaffold new} must fill the command exactly as picocli does. */
class MainFastNewTest {

  private static CliContext ctx() {
    return new CliContext(
        new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
        new ByteArrayInputStream(new byte[0]), Map.of(), Path.of("/tmp"), false);
  }

  private static NewCommand picocli(String... args) {
    CommandLine.ParseResult pr = ScaffoldCli.commandLine(ctx()).parseArgs(args);
    return (NewCommand) pr.subcommand().commandSpec().userObject();
  }

  /** Every field of the command and its mixin, by name, except the context. */
  private static Map<String, Object> state(NewCommand c) throws IllegalAccessException {
    Map<String, Object> m = new java.util.TreeMap<>();
    for (Object o : List.of(c, c.common)) {
      for (Field f : o.getClass().getDeclaredFields()) {
        if (f.getType() == CliContext.class || f.getType() == CommonOptions.class || java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
          continue;
        }
        f.setAccessible(true);
        Object v = f.get(o);
        m.put(o.getClass().getSimpleName() + "." + f.getName(), v instanceof List<?> l ? new ArrayList<>(l) : v);
      }
    }
    return m;
  }

  @Test
  void fillsTheCommandAsPicocliDoes() throws Exception {
    String[][] cases = {
      {"new", "tpl", "out", "--answers", "a.yml", "--non-interactive", "--no-git", "--no-github"},
      {"new"},
      {"new", "tpl"},
      {"new", "--answers=a.yml", "tpl", "--set", "a=1", "--set=b=2", "out", "--set", "c="},
      {"new", "tpl", "out", "--version", "v1.2.0", "--prerelease", "--force", "--trust", "-y", "--defaults",
        "--dry-run", "--json", "--verbose", "--github-url", "http://127.0.0.1:1", "--save-answers", "s.yml"},
      {"new", "--yes", "tpl", "out"},
      {"new", "tpl", "out", "--set", "k=with spaces and = signs"},
    };
    for (String[] args : cases) {
      NewCommand fast = Main.FastNew.parse(ctx(), args);
      assertNotNull(fast, String.join(" ", args));
      assertEquals(state(picocli(args)), state(fast), String.join(" ", args));
    }
  }

  @Test
  void leavesEverythingElseToPicocli() {
    String[][] cases = {
      {"new", "--help"}, {"new", "-h"}, {"new", "-V"}, {"new", "tpl", "out", "extra"},
      {"new", "tpl", "--", "out"}, {"new", "@args.txt"}, {"new", "--no-git=true", "tpl"},
      {"new", "tpl", "--answers"}, {"new", "tpl", "--answers", "--no-git"}, {"new", "--unknown"},
      {"new", "--force", "--force"}, {"new", "-y", "--yes"}, {"new", "--answers", "a", "--answers", "b"},
      {"new", "-yv"}, {"new", "--Answers", "a"},
    };
    for (String[] args : cases) {
      assertNull(Main.FastNew.parse(ctx(), args), String.join(" ", args));
    }
  }

  /** The options the fast reader knows must be options of {@code scaffold new}, and vice versa for the plain ones. */
  @Test
  void knowsOnlyRealOptions() {
    CommandLine.Model.CommandSpec spec = ScaffoldCli.commandLine(ctx()).getSubcommands().get("new").getCommandSpec();
    Set<String> real = new TreeSet<>();
    spec.options().forEach(o -> real.addAll(List.of(o.names())));
    for (String o : List.of("--prerelease", "--force", "--no-git", "--no-github", "--trust", "--yes", "-y", "--defaults",
        "--non-interactive", "--dry-run", "--json", "--verbose", "--version", "--github-url", "--save-answers", "--answers", "--set")) {
      assertTrue(real.contains(o), o + " is not an option of `scaffold new`: " + real);
    }
  }
}
