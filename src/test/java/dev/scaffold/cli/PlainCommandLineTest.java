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
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The picocli-free reader must fill each command exactly as picocli does, and leave the rest to picocli. */
class PlainCommandLineTest {

  private static CliContext ctx() {
    return new CliContext(
        new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
        new ByteArrayInputStream(new byte[0]), Map.of(), Path.of("/tmp"), false);
  }

  private static Object picocli(String... args) {
    CommandLine.ParseResult pr = ScaffoldCli.commandLine(ctx()).parseArgs(args);
    return pr.subcommand().commandSpec().userObject();
  }

  /** Every field of the command and of its common options, by name, except the context. */
  private static Map<String, Object> state(Object command) throws IllegalAccessException {
    Map<String, Object> m = new java.util.TreeMap<>();
    List<Object> parts = new ArrayList<>(List.of(command));
    for (Field f : command.getClass().getDeclaredFields()) {
      if (f.getType() == CommonOptions.class) {
        f.setAccessible(true);
        parts.add(f.get(command));
      }
    }
    for (Object o : parts) {
      for (Field f : o.getClass().getDeclaredFields()) {
        if (f.getType() == CliContext.class || f.getType() == CommonOptions.class
            || java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
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
  void fillsEachCommandAsPicocliDoes() throws Exception {
    String[][] cases = {
      {"new", "tpl", "out", "--answers", "a.yml", "--non-interactive", "--no-git", "--no-github"},
      {"new"},
      {"new", "tpl"},
      {"new", "--answers=a.yml", "tpl", "--set", "a=1", "--set=b=2", "out", "--set", "c="},
      {"new", "tpl", "out", "--version", "v1.2.0", "--prerelease", "--force", "--trust", "-y", "--defaults",
        "--dry-run", "--json", "--verbose", "--github-url", "http://127.0.0.1:1", "--save-answers", "s.yml"},
      {"new", "--yes", "tpl", "out"},
      {"new", "tpl", "out", "--set", "k=with spaces and = signs"},
      {"update"},
      {"update", "proj", "--non-interactive"},
      {"update", "--version", "v2", "--prerelease", "--allow-dirty", "--allow-downgrade", "--commit", "--pr",
        "--conflict", "rej", "--github-url=http://127.0.0.1:1", "--answers", "a.yml", "--set", "x=1", "--defaults",
        "--dry-run", "--json", "--verbose", "proj"},
      {"update", "--conflict=inline", "--set", "a=1", "--set", "b=2"},
      {"check"},
      {"check", "proj", "--json", "--prerelease", "--verbose"},
    };
    for (String[] args : cases) {
      Callable<Integer> fast = PlainCommandLine.parse(ctx(), args);
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
      {"update", "--help"}, {"update", "a", "b"}, {"update", "--repo", "acme/a"}, {"update", "--org", "acme"},
      {"update", "--jobs", "4"}, {"update", "--repos-file", "f"}, {"update", "--commit", "--commit"},
      {"update", "--version"}, {"update", "--force"}, {"update", "--version", "@vfile"}, {"new", "tpl", "--answers", "@a"},
      {"check", "--help"}, {"check", "-V"}, {"check", "a", "b"}, {"check", "--defaults"},
      {"list"}, {"diff"}, {"template", "lint", "x"}, {"help"}, {},
    };
    for (String[] args : cases) {
      assertNull(PlainCommandLine.parse(ctx(), args), String.join(" ", args));
    }
  }

  /** The options the reader knows must be options of the command picocli builds. */
  @ParameterizedTest
  @ValueSource(strings = {"new", "update", "check"})
  void knowsOnlyRealOptions(String command) {
    CommandLine.Model.CommandSpec spec = ScaffoldCli.commandLine(ctx()).getSubcommands().get(command).getCommandSpec();
    Set<String> real = new TreeSet<>();
    spec.options().forEach(o -> real.addAll(List.of(o.names())));
    for (String o : PlainCommandLine.grammar(command).names()) {
      assertTrue(real.contains(o), o + " is not an option of `scaffold " + command + "`: " + real);
    }
  }

  /** The plain reader and picocli share CommonOptions, so an answers path that is no file fails alike on both. */
  @Test
  void answersThatAreNoFileAreRefusedOnThePlainPathAsWithPicocli() throws Exception {
    for (String answers : List.of("/dev/zero", "/tmp")) {
      StringWriter err = new StringWriter();
      CliContext c = new CliContext(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
          new ByteArrayInputStream(new byte[0]), Map.of(), Path.of("/tmp"), false);
      Callable<Integer> cmd = PlainCommandLine.parse(c, new String[] {"new", "no-such-template", "out", "--answers", answers,
          "--non-interactive"});
      assertNotNull(cmd, "the plain reader handles this command line");
      int code;
      try {
        code = cmd.call();
      } catch (Exception e) {
        code = ScaffoldCli.report(c, e, false);
      }
      assertEquals(2, code, err.toString());
      assertTrue(err.toString().startsWith("error: " + answers + ": is "), err.toString());
    }
  }
}

