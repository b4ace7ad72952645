package dev.scaffold.prompt;

import dev.scaffold.answers.Prompter;
import java.util.Map;
import org.jline.terminal.Terminal;

/** The real JLine prompter on a test terminal, for tests outside this package. */
public final class TestPrompters {

  private TestPrompters() {}

  public static Prompter on(Terminal terminal) {
    return new TerminalPrompter(terminal, PromptStyle.of(terminal, Map.of("NO_COLOR", "1")), true);
  }
}
