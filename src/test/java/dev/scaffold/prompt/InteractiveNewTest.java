package dev.scaffold.prompt;

import static dev.scaffold.prompt.PromptTerminal.CTRL_C;
import static dev.scaffold.prompt.PromptTerminal.DOWN;
import static dev.scaffold.prompt.PromptTerminal.ENTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.AbortedException;
import dev.scaffold.Progress;
import dev.scaffold.answers.AnswerInputs;
import dev.scaffold.answers.AnswersFile;
import dev.scaffold.cli.CliContext;
import dev.scaffold.cli.ScaffoldCli;
import dev.scaffold.jgit.JGitClient;
import dev.scaffold.jgit.JGitTemplateFetcher;
import dev.scaffold.project.NewRequest;
import dev.scaffold.project.NewResult;
import dev.scaffold.project.ProjectGenerator;
import dev.scaffold.template.BundledTemplates;
import dev.scaffold.template.TemplateResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scaffold new} driven end to end by keystrokes: questions, destination, summary, files. */
class InteractiveNewTest {

  @TempDir Path tmp;
  private Path template;
  private Path dest;

  @BeforeEach
  void template() {
    template = DemoTemplate.write(tmp);
    dest = tmp.resolve("out");
  }

  private NewResult generate(PromptTerminal t, boolean skipConfirmation) {
    TemplateResolver resolver = new TemplateResolver(new BundledTemplates(List.of()), new JGitTemplateFetcher(), tmp, Progress.NONE);
    NewRequest request = new NewRequest(template.toString(), null, null, false,
        new AnswerInputs(Map.of(), Map.of(), null, Map.of()), t.prompter(skipConfirmation), false, false, false, true, false);
    return new ProjectGenerator(resolver, new JGitClient(), null, Progress.NONE, tmp).generate(request);
  }

  private List<String> tmpEntries() throws IOException {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void answersDestinationAndConfirmationCreateTheProjectWithoutTheSecret() throws IOException {
    PromptTerminal t = PromptTerminal.xterm(DemoTemplate.answerEverything("demo") + dest + "\r" + "\r");
    NewResult r = generate(t, false);

    assertEquals(dest, r.destination());
    assertEquals("# demo\n\ndemo does things\nport 8080\n", Files.readString(dest.resolve("README.md")));
    assertEquals("12 characters\n", Files.readString(dest.resolve("token.txt")));
    String recorded = Files.readString(dest.resolve(AnswersFile.NAME));
    assertTrue(recorded.contains("project_name: demo"), recorded);
    assertFalse(recorded.contains("s3cr3t") || recorded.contains("api_token"), recorded);

    Path saved = tmp.resolve("saved.yml");
    AnswersFile.writeInputs(saved, r.answers().recordable());
    assertFalse(Files.readString(saved).contains("s3cr3t"));
    assertEquals("demo", AnswersFile.readInputs(saved).get("project_name"));

    String screen = t.screen();
    assertTrue(screen.contains("✔ Folder to create: " + dest), screen);
    assertTrue(screen.contains("Create " + dest + "?\n  • project_name: demo\n  • port: 8080"), screen);
    assertTrue(screen.contains("  • write 2 files to " + dest), screen);
    assertTrue(screen.contains("? Go ahead? (Y/n)"), screen);
    assertFalse(t.raw().contains("s3cr3t"), "the secret never reaches the screen");
  }

  @Test
  void destinationDefaultComesFromTheProjectNameAndAnUnusableFolderIsAskedAgain() throws IOException {
    Path taken = tmp.resolve("taken");
    Files.createDirectories(taken);
    Files.writeString(taken.resolve("keep.txt"), "mine");
    PromptTerminal t = PromptTerminal.dumb(DemoTemplate.answerEverything("shop") + taken + "\r" + dest + "\r" + "\r");
    generate(t, false);
    String screen = t.screen();
    assertTrue(screen.contains("? Folder to create (shop)"), screen);
    assertTrue(screen.contains("✘ " + taken + ": is not empty; use --force to write into it anyway"), screen);
    assertEquals("mine", Files.readString(taken.resolve("keep.txt")));
    assertTrue(Files.exists(dest.resolve("README.md")));
  }

  @Test
  void ctrlCAtAnyPointLeavesNothingBehind() throws IOException {
    List<String> before = tmpEntries();
    for (String keys : List.of(
        "demo\r\r" + CTRL_C,
        DemoTemplate.answerEverything("demo") + CTRL_C,
        DemoTemplate.answerEverything("demo") + dest + "\r" + CTRL_C)) {
      PromptTerminal t = PromptTerminal.xterm(keys);
      assertThrows(AbortedException.class, () -> generate(t, false));
      assertEquals(before, tmpEntries(), "no destination and no staging folder left after " + keys.length() + " keys");
    }
  }

  @Test
  void answeringNoToTheSummaryWritesNothing() throws IOException {
    PromptTerminal t = PromptTerminal.xterm(DemoTemplate.answerEverything("demo") + dest + "\r" + "n\r");
    AbortedException e = assertThrows(AbortedException.class, () -> generate(t, false));
    assertEquals("stopped before writing anything", e.getMessage());
    assertFalse(Files.exists(dest));
  }

  @Test
  void yesSkipsTheConfirmation() {
    PromptTerminal t = PromptTerminal.xterm(DemoTemplate.answerEverything("demo") + dest + "\r");
    generate(t, true);
    assertFalse(t.raw().contains("Go ahead?"));
    assertTrue(Files.exists(dest.resolve("README.md")));
  }

  @Test
  void templatePickerListsTemplatesWithDescriptions() throws Exception {
    Path other = tmp.resolve("more/another");
    Files.createDirectories(other.resolve("template"));
    Files.writeString(other.resolve("scaffold.yml"), "name: another\ndescription: Another one\nquestions: []\n");
    Files.move(template, tmp.resolve("more/demo"));
    List<BundledTemplates.Entry> entries = new BundledTemplates(List.of(tmp.resolve("more"))).list();

    PromptTerminal live = new PromptTerminal("xterm-256color");
    TerminalPrompter prompter = live.prompter(false);
    var picked = java.util.concurrent.CompletableFuture.supplyAsync(() -> prompter.pickTemplate(entries));
    String screen = live.awaitScreen("demo  Demo");
    int n = entries.size();
    assertTrue(screen.contains((n - 1) + ". another  Another one [SCAFFOLD_TEMPLATES_PATH]\n"
        + "  " + n + ". demo  Demo with one question of every type [SCAFFOLD_TEMPLATES_PATH]"), screen);
    live.type("dem");
    assertTrue(live.awaitScreen("filter: dem").contains("❯ " + n + ". demo  Demo"), live.screen());
    live.type(ENTER);
    assertEquals("demo", picked.get(10, java.util.concurrent.TimeUnit.SECONDS));
    assertTrue(live.screen().contains("✔ Template: demo"), live.screen());

    PromptTerminal dumb = PromptTerminal.dumb(n + "\r");
    assertEquals("demo", dumb.prompter(false).pickTemplate(entries));
    assertTrue(dumb.screen().contains("  " + (n - 1) + ". another  Another one"), dumb.screen());
    assertEquals("another", PromptTerminal.dumb("another\r").prompter(false).pickTemplate(entries));
  }

  @Test
  void dumbTerminalFallsBackToNonInteractiveAndNamesTheMissingAnswers() throws IOException {
    assertTrue(TerminalPrompter.open(Map.of("TERM", "dumb"), false).isEmpty());

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext ctx = new CliContext(new PrintWriter(out, true), new PrintWriter(err, true), new ByteArrayInputStream(new byte[0]),
        Map.of("TERM", "dumb"), tmp, true);
    int code = ScaffoldCli.run(ctx, "new", template.toString(), dest.toString(), "--no-git");
    assertEquals(2, code);
    String text = err.toString();
    assertTrue(text.contains("note: this terminal cannot show prompts (TERM=dumb)"), text);
    assertTrue(text.contains("question `project_name`: no answer given (Project name)"), text);
    assertTrue(text.contains("question `api_token`: no answer given (API token)"), text);
    assertFalse(Files.exists(dest));
  }
}
