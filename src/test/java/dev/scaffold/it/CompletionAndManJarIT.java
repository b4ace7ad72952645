package dev.scaffold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.cli.CliContext;
import dev.scaffold.cli.ScaffoldCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The jar's completion scripts loaded by bash (and fish's parsed where fish is installed), and a man page per command. */
class CompletionAndManJarIT {

  private static final String JAR = System.getProperty("scaffold.jar", "target/scaffold-0.1.0.jar");

  @TempDir Path tmp;

  private record Result(int exit, String out) {}

  private Result bash(String script) throws IOException, InterruptedException {
    Path log = tmp.resolve("out.txt");
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("SCAFFOLD_JAR", Path.of(JAR).toAbsolutePath().toString());
    pb.environment().put("XDG_CONFIG_HOME", tmp.resolve("config").toString());
    Process p = pb.start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "bash finished");
    return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  /** A {@code scaffold} function on PATH-free bash running the jar, then the completion script loaded. */
  private static final String LOAD = "scaffold() { java -XX:TieredStopAtLevel=1 -jar \"$SCAFFOLD_JAR\" \"$@\"; }\n"
      + "source <(scaffold completion bash) || exit 9\n";

  /** Completes the words typed, as bash does on TAB: the candidates one a line. */
  private static String complete(String... words) {
    StringBuilder line = new StringBuilder("COMP_WORDS=(scaffold");
    for (String w : words) {
      line.append(" '").append(w).append('\'');
    }
    String cword = String.valueOf(words.length);
    String lineText = "scaffold " + String.join(" ", words);
    return line.append(")\nCOMP_CWORD=").append(cword).append("\nCOMP_LINE='").append(lineText)
        .append("'\nCOMP_POINT=${#COMP_LINE}\nCOMPREPLY=()\n$(complete -p scaffold | sed -E 's/.*-F ([^ ]+).*/\\1/') scaffold 2>/dev/null\n"
        + "printf '%s\\n' \"${COMPREPLY[@]}\"\n").toString();
  }

  @Test
  void bashLoadsTheScriptAndCompletesCommandsTemplatesOptionsAndProfiles() throws Exception {
    Files.createDirectories(tmp.resolve("config/scaffold"));
    Files.writeString(tmp.resolve("config/scaffold/settings.yml"), "profiles:\n  work: {}\n  home: {}\n");

    Result loaded = bash(LOAD + "complete -p scaffold");
    assertEquals(0, loaded.exit(), loaded.out());
    assertTrue(loaded.out().matches("(?s)complete .*-F \\S+ scaffold\\s*"), loaded.out());

    Result commands = bash(LOAD + complete(""));
    for (String c : List.of("new", "update", "check", "diff", "list", "template", "settings", "completion", "help")) {
      assertTrue(commands.out().lines().anyMatch(c::equals), c + " in:\n" + commands.out());
    }
    Result templates = bash(LOAD + complete("new", ""));
    assertEquals(new TreeSet<>(List.of("java-library", "python-package", "service")),
        new TreeSet<>(templates.out().lines().filter(l -> !l.isBlank()).toList()), templates.out());
    Result options = bash(LOAD + complete("new", "--pro"));
    assertTrue(options.out().lines().anyMatch("--profile"::equals), options.out());
    Result profiles = bash(LOAD + complete("settings", "use", ""));
    assertEquals(List.of("default", "work", "home"), profiles.out().lines().filter(l -> !l.isBlank()).toList(), profiles.out());
  }

  @Test
  void zshAndFishScriptsAreMadeAndFishParsesItsOwn() throws Exception {
    Result zsh = bash("java -jar \"$SCAFFOLD_JAR\" completion zsh");
    assertEquals(0, zsh.exit(), zsh.out());
    assertTrue(zsh.out().contains("bashcompinit"), "zsh loads the script through bashcompinit");
    Result fish = bash("java -jar \"$SCAFFOLD_JAR\" completion fish > \"$TMPDIR/s.fish\" 2>&1; cat \"$TMPDIR/s.fish\";"
        .replace("$TMPDIR", tmp.toString())
        + "if command -v fish >/dev/null; then fish --no-execute " + tmp.resolve("s.fish") + " && echo FISH-OK; fi");
    assertEquals(0, fish.exit(), fish.out());
    assertTrue(fish.out().contains("complete -c scaffold -n '__fish_seen_subcommand_from new; and not __fish_seen_subcommand_from' ")
        || fish.out().contains("-a 'java-library python-package service'"), fish.out());
    assertTrue(fish.out().contains("-a 'settings'") && fish.out().contains("-l profile -r -a 'default'"), fish.out());
  }

  @Test
  void everyCommandHasAManPage() throws IOException {
    Path man1 = Path.of(JAR).toAbsolutePath().getParent().resolve("man/man1");
    CliContext ctx = new CliContext(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
        System.in, Map.of(), tmp, false);
    List<String> missing = new ArrayList<>();
    walk(ScaffoldCli.commandLine(ctx), "scaffold", man1, missing);
    assertEquals(List.of(), missing);
    String page = Files.readString(man1.resolve("scaffold-settings-set.1"));
    assertTrue(page.startsWith(".TH \"SCAFFOLD-SETTINGS-SET\" \"1\""), page);
    assertTrue(page.contains(".SH \"SYNOPSIS\"") && page.contains("\\fB\\-\\-profile\\fR"), page);
    assertTrue(page.contains(".SH \"EXIT STATUS\"\n0 success, 1 runtime failure"), "scaffold's own, for want of one: " + page);

    // the footer of help is in the pages too: layering in NOTES, the examples, the exit codes
    String create = Files.readString(man1.resolve("scaffold-new.1"));
    assertTrue(create.contains(".SH \"NOTES\"\n.PP\nTEMPLATE is a bundled name (see \\fBscaffold list\\fR)"), create);
    assertTrue(create.contains("\nAnswers, strongest first: \\-\\-set, then \\-\\-answers"), create);
    assertTrue(create.contains(".SH \"EXAMPLES\"\n.PP\n.nf\n.RS 4\nscaffold new java\\-library my\\-lib\n"), create);
    String check = Files.readString(man1.resolve("scaffold-check.1"));
    assertTrue(check.contains(".SH \"EXIT STATUS\"\n0 up to date, 3 an update exists"), check);
    assertTrue(check.contains("\nscaffold check \\-\\-json\nscaffold check \\-\\-template ../templates/service\n.RE\n.fi\n"), check);
    assertFalse(check.contains(".SH \"NOTES\""), "no notes where help has none: " + check);
  }

  private static void walk(CommandLine cl, String name, Path man1, List<String> missing) throws IOException {
    Path page = man1.resolve(name + ".1");
    if (!Files.isRegularFile(page) || !Files.readString(page).contains(".SH \"NAME\"")) {
      missing.add(page.getFileName().toString());
    }
    for (var sub : cl.getSubcommands().entrySet()) {
      walk(sub.getValue(), name + "-" + sub.getKey(), man1, missing);
    }
  }
}
