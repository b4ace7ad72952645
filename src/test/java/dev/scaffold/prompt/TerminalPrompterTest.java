package dev.scaffold.prompt;

import static dev.scaffold.prompt.PromptTerminal.CTRL_C;
import static dev.scaffold.prompt.PromptTerminal.CTRL_D;
import static dev.scaffold.prompt.PromptTerminal.DOWN;
import static dev.scaffold.prompt.PromptTerminal.ENTER;
import static dev.scaffold.prompt.PromptTerminal.UP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.AbortedException;
import dev.scaffold.Progress;
import dev.scaffold.answers.AnswerInputs;
import dev.scaffold.answers.AnswerSource;
import dev.scaffold.answers.Answers;
import dev.scaffold.answers.Questionnaire;
import dev.scaffold.engine.TemplateEngine;
import dev.scaffold.template.SpecReader;
import dev.scaffold.template.TemplateSpec;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminalPrompterTest {

  @TempDir Path tmp;

  private Answers run(PromptTerminal t, Map<String, Object> set, boolean defaults) {
    return DemoTemplate.collect(t.prompter(false), set, defaults, tmp);
  }

  @Test
  void everyTypeTakesItsDefaultWithEnterAndShowsTheAnswers() {
    PromptTerminal t = PromptTerminal.xterm(DemoTemplate.answerEverything("demo"));
    Answers a = run(t, Map.of(), false);

    assertEquals("demo", a.values().get("project_name"));
    assertEquals(8080L, a.values().get("port"));
    assertEquals(new BigDecimal("0.5"), a.values().get("ratio"));
    assertEquals(false, a.values().get("use_docker"));
    assertEquals("mit", a.values().get("license"));
    assertEquals(List.of("ci"), a.values().get("features"));
    assertEquals("s3cr3t-token", a.values().get("api_token"));
    assertEquals("demo does things", a.values().get("description"));
    assertEquals(AnswerSource.PROMPT, a.sources().get("port"));
    assertEquals("""
        ✔ Project name: demo
        ✔ Port: 8080
        ✔ Sampling ratio: 0.5
        ✔ Add a Dockerfile?: no
        ✔ License: MIT
        ✔ Features: ci
        ✔ API token: ••••••
        ✔ Description: demo does things""", t.screen());
  }

  @Test
  void questionShowsDefaultHelpHintAndCapitalisedBoolDefault() {
    PromptTerminal t = PromptTerminal.dumb("demo\r\r\r");
    assertThrows(AbortedException.class, () -> run(t, Map.of(), false));
    String screen = t.screen();
    assertTrue(screen.contains("? Project name (? for help)"), screen);
    assertTrue(screen.contains("? Port (8080)"), screen);
    assertTrue(screen.contains("? Sampling ratio (0.5)"), screen);
    assertTrue(screen.contains("? Add a Dockerfile? (y/N)"), screen);
  }

  @Test
  void invalidAnswerIsExplainedAndAskedAgainKeepingEarlierAnswers() {
    PromptTerminal t = PromptTerminal.dumb("Bad Name\rdemo\r" + "80\rabc\r9000\r" + "many\r0.25\r" + "maybe\ry\r"
        + "\r\r\rtok\r\r");
    Answers a = run(t, Map.of(), false);
    String screen = t.screen();
    assertTrue(screen.contains("✘ `Bad Name` does not match ^[a-z][a-z0-9]*$ (Lower-case letters and digits, starting with a letter)"), screen);
    assertTrue(screen.contains("✘ must be at least 1024"), screen);
    assertTrue(screen.contains("✘ expected a whole number, got `abc`"), screen);
    assertTrue(screen.contains("✘ expected a number, got `many`"), screen);
    assertTrue(screen.contains("✘ expected yes or no"), screen);
    assertEquals("demo", a.values().get("project_name"));
    assertEquals(9000L, a.values().get("port"));
    assertEquals(new BigDecimal("0.25"), a.values().get("ratio"));
    assertEquals(true, a.values().get("use_docker"));
    assertEquals("alpine", a.values().get("base_image"));
  }

  @Test
  void settledQuestionReplacesItsErrorsOnACapableTerminal() {
    PromptTerminal t = PromptTerminal.xterm("Bad\rdemo\r" + "\r\r\r\r\r" + "tok\r\r");
    run(t, Map.of(), false);
    String screen = t.screen();
    assertFalse(screen.contains("does not match"), screen);
    assertTrue(screen.startsWith("✔ Project name: demo\n✔ Port: 8080"), screen);
  }

  @Test
  void questionMarkShowsHelpAndRuleThenAsksAgain() {
    PromptTerminal t = PromptTerminal.dumb("?\rdemo\r?\r");
    assertThrows(AbortedException.class, () -> run(t, Map.of(), false));
    String screen = t.screen();
    assertTrue(screen.contains("  Lower-case letters and digits, starting with a letter\n  expects some text, matching ^[a-z][a-z0-9]*$"), screen);
    assertTrue(screen.contains("  no help for this question\n  expects a whole number, at least 1024, at most 65535"), screen);
  }

  @Test
  void defaultComputedFromEarlierAnswerIsShownComputed() {
    PromptTerminal t = PromptTerminal.dumb("shop\r\r\r\r\r\r\rtok\r");
    assertThrows(AbortedException.class, () -> run(t, Map.of(), false));
    assertTrue(t.screen().contains("? Description (shop does things)"), t.screen());
  }

  @Test
  void arrowKeysChooseAndTheListShowsEveryChoice() {
    String keys = "demo\r\r\r" + "y\r" + DOWN + ENTER + DOWN + DOWN + UP + ENTER + ENTER + "tok\r\r";
    PromptTerminal t = PromptTerminal.xterm(keys);
    Answers a = run(t, Map.of(), false);
    assertEquals("debian", a.values().get("base_image"));
    assertEquals("apache", a.values().get("license"));
    assertTrue(t.screen().contains("✔ Base image: debian\n✔ License: Apache License 2.0"), t.screen());
    String drawn = t.raw();
    assertTrue(drawn.contains("1. MIT") && drawn.contains("2. Apache License 2.0") && drawn.contains("3. None"), drawn);
  }

  @Test
  void typingFiltersTheListAndNumbersPickByPosition() throws Exception {
    PromptTerminal live = new PromptTerminal("xterm-256color");
    CompletableFuture<Answers> run = CompletableFuture.supplyAsync(() -> run(live, Map.of(), false));
    live.type("demo\r\r\r\r");
    assertTrue(live.awaitScreen("3. None").contains("""
        ? License (↑↓ move, type to filter, Enter to choose)
        ❯ 1. MIT
          2. Apache License 2.0
          3. None"""), live.screen());
    live.type("apa");
    String screen = live.awaitScreen("filter: apa");
    assertTrue(screen.contains("""
        ? License filter: apa
        ❯ 2. Apache License 2.0"""), screen);
    assertFalse(screen.contains("MIT"), screen);
    live.type(ENTER + ENTER + "tok\r\r");
    assertEquals("apache", run.get(10, TimeUnit.SECONDS).values().get("license"));

    PromptTerminal numbered = PromptTerminal.xterm("demo\r\r\r\r" + "3" + ENTER + ENTER + "tok\r\r");
    assertEquals("none", run(numbered, Map.of(), false).values().get("license"));
  }

  @Test
  void spaceTogglesMultiChoicesAndTheSelectionIsShown() throws Exception {
    PromptTerminal live = new PromptTerminal("xterm-256color");
    CompletableFuture<Answers> run = CompletableFuture.supplyAsync(() -> run(live, Map.of(), false));
    live.type("demo\r\r\r\r\r");
    assertTrue(live.awaitScreen("Selected: ci").contains("""
        ? Features (↑↓ move, type to filter, Space to toggle, Enter to confirm)
        ❯ ◉ 1. ci
          ◯ 2. docs
          ◯ 3. lint
          Selected: ci"""), live.screen());
    live.type(DOWN + " " + DOWN + " ");
    assertTrue(live.awaitScreen("Selected: ci, docs, lint").contains("""
          ◉ 1. ci
          ◉ 2. docs
        ❯ ◉ 3. lint"""), live.screen());
    live.type(UP + UP + " " + ENTER + "tok\r\r");
    Answers a = run.get(10, TimeUnit.SECONDS);
    assertEquals(List.of("docs", "lint"), a.values().get("features"));
    assertTrue(live.screen().contains("✔ Features: docs, lint\n✔ API token: ••••••"), live.screen());
  }

  @Test
  void requiredMultiRefusesAnEmptySelectionAndStaysOpen() {
    String keys = "demo\r\r\r\r\r" + " " + ENTER + DOWN + " " + ENTER + "tok\r\r";
    PromptTerminal t = PromptTerminal.xterm(keys);
    Answers a = run(t, Map.of(), false);
    assertTrue(t.raw().contains("✘ choose at least one"), t.raw());
    assertEquals(List.of("docs"), a.values().get("features"));
  }

  @Test
  void dumbTerminalGetsNumberedListsAndTypedSelections() {
    String keys = "demo\r\r\r" + "yes\r" + "2\r" + "Apache License 2.0\r" + "1, 3\r" + "tok\r\r";
    PromptTerminal t = PromptTerminal.dumb(keys);
    Answers a = run(t, Map.of(), false);
    assertEquals("debian", a.values().get("base_image"));
    assertEquals("apache", a.values().get("license"));
    assertEquals(List.of("ci", "lint"), a.values().get("features"));
    String screen = t.screen();
    assertTrue(screen.contains("? License\n  1. MIT\n  2. Apache License 2.0\n  3. None\n  ❯ Number or name (1)"), screen);
    assertTrue(screen.contains("  ❯ Numbers or names, separated by commas (1; - for none)"), screen);
    assertFalse(t.raw().contains("\033["), "no cursor movement on a dumb terminal");
  }

  @Test
  void secretIsMaskedAndNeverShown() {
    PromptTerminal t = PromptTerminal.xterm(DemoTemplate.answerEverything("demo"));
    Answers a = run(t, Map.of(), false);
    assertEquals("s3cr3t-token", a.values().get("api_token"));
    assertFalse(t.raw().contains("s3cr3t"), t.raw());
    assertFalse(a.recordable().containsKey("api_token"));

    PromptTerminal dumb = PromptTerminal.dumb(DemoTemplate.answerEverything("demo"));
    run(dumb, Map.of(), false);
    assertFalse(dumb.raw().contains("s3cr3t"), dumb.raw());
    assertTrue(dumb.raw().contains("************"), dumb.raw());
  }

  @Test
  void whenConditionSkipsQuestionsLive() {
    PromptTerminal no = PromptTerminal.xterm(DemoTemplate.answerEverything("demo"));
    Answers a = run(no, Map.of(), false);
    assertFalse(no.raw().contains("Base image"), no.raw());
    assertEquals(AnswerSource.SKIPPED, a.sources().get("base_image"));

    PromptTerminal yes = PromptTerminal.xterm("demo\r\r\r" + "y\r" + ENTER + ENTER + ENTER + "tok\r\r");
    run(yes, Map.of(), false);
    assertTrue(yes.screen().contains("✔ Base image: alpine"), yes.screen());
  }

  @Test
  void givenAnswersAreShownAsAnsweredAndNotAskedAgain() {
    PromptTerminal t = PromptTerminal.xterm("\r\r\r\r\rtok\r\r");
    Answers a = run(t, Map.of("project_name", "given", "api_token", "from-set"), false);
    assertEquals("given", a.values().get("project_name"));
    String screen = t.screen();
    assertTrue(screen.startsWith("✔ Project name: given  (--set)"), screen);
    assertTrue(screen.contains("✔ API token: ••••••  (--set)"), screen);
    assertFalse(t.raw().contains("? Project name"), t.raw());
    assertFalse(t.raw().contains("from-set"), t.raw());
  }

  @Test
  void defaultsOptionAsksOnlyWhatHasNoDefault() {
    PromptTerminal t = PromptTerminal.xterm("demo\rtok\r");
    Answers a = run(t, Map.of(), true);
    assertEquals("demo does things", a.values().get("description"));
    assertEquals("""
        ✔ Project name: demo
        ✔ API token: ••••••""", t.screen());
  }

  @Test
  void ctrlCOrCtrlDAbortsFromAnyKindOfPrompt() throws Exception {
    // lists read keys themselves: Ctrl-C and Ctrl-D typed on a keyboard that stays open
    for (String keys : List.of("demo\r\r\r\r" + CTRL_C, "demo\r\r\r\r" + CTRL_D, "demo\r\r\r\r\r" + CTRL_C)) {
      PromptTerminal live = new PromptTerminal("xterm-256color");
      CompletableFuture<Answers> run = CompletableFuture.supplyAsync(() -> run(live, Map.of(), false));
      live.type(keys);
      ExecutionException e = assertThrows(ExecutionException.class, () -> run.get(10, TimeUnit.SECONDS));
      assertInstanceOf(AbortedException.class, e.getCause());
      String expected = keys.endsWith(CTRL_C) ? "interrupted (Ctrl-C); nothing was written" : "input ended (Ctrl-D); nothing was written";
      assertEquals(expected, e.getCause().getMessage());
    }
    // line prompts (text, int, bool, secret) get Ctrl-C and Ctrl-D from the tty as signal and
    // end of input, which a piped terminal only models as the input ending; scripts/e2e-interactive
    // presses Ctrl-C in a real pty
    for (String keys : List.of(CTRL_D, "demo\r" + CTRL_D, "demo\r\r\r" + CTRL_D, "demo\r\r\r\r\r\r" + CTRL_D)) {
      AbortedException e = assertThrows(AbortedException.class, () -> run(PromptTerminal.xterm(keys), Map.of(), false));
      assertEquals("input ended (Ctrl-D); nothing was written", e.getMessage());
    }
  }

  @Test
  void listRestoresTerminalAttributesAndCursorAfterAbort() {
    PromptTerminal t = PromptTerminal.xterm("demo\r\r\r\r" + CTRL_C);
    var before = new org.jline.terminal.Attributes(t.terminal.getAttributes());
    assertThrows(AbortedException.class, () -> run(t, Map.of(), false));
    assertEquals(before.toString(), t.terminal.getAttributes().toString());
    String raw = t.raw();
    assertTrue(raw.lastIndexOf("\033[?25l") < raw.lastIndexOf("\033[?12;25h"), "cursor shown again");
  }

  @Test
  void noColorMeansNoColourButCapableTerminalsGetColour() {
    PromptTerminal plain = PromptTerminal.xterm(DemoTemplate.answerEverything("demo"));
    run(plain, Map.of(), false);
    assertFalse(plain.raw().matches("(?s).*\033\\[[0-9;]*3[0-9]m.*"), "no foreground colour with NO_COLOR");

    PromptTerminal coloured = PromptTerminal.xterm(DemoTemplate.answerEverything("demo"));
    DemoTemplate.collect(coloured.colourPrompter(), Map.of(), false, tmp);
    assertTrue(coloured.raw().matches("(?s).*\033\\[[0-9;]*3[0-9]m.*"), "colour on a capable terminal");
  }

  @Test
  void templatedAndIntChoicesAreOfferedAsRenderedLists() {
    TemplateSpec spec = SpecReader.read("""
        name: t
        questions:
          - name: services
            type: multi
            choices: [api, worker, cron]
          - name: main
            prompt: Main service
            type: choice
            choices: '[<#list services as s>"${s}"<#sep>, </#list>]'
          - name: replicas
            prompt: Replicas
            type: int
            choices: {one: 1, '${services?size} (one each)': '${services?size}'}
        """, "scaffold.yml");
    PromptTerminal t = PromptTerminal.dumb("2\r" + "3\r"); // a position, then a value typed
    Answers a = new Questionnaire(spec, TemplateEngine.forExpressions(), Map.of(), Progress.NONE)
        .collect(new AnswerInputs(Map.of("services", "worker,cron,api"), Map.of(), null, Map.of()), t.prompter(false), false);
    assertEquals("cron", a.values().get("main"));
    assertEquals(3L, a.values().get("replicas"));
    String screen = t.screen();
    assertTrue(screen.contains("? Main service\n  1. worker\n  2. cron\n  3. api\n"), screen);
    assertTrue(screen.contains("? Replicas\n  1. one\n  2. 3 (one each)\n"), screen);
  }
}
