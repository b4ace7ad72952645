package dev.scaffold.cli;

import dev.scaffold.InputException;
import dev.scaffold.answers.Prompter;
import dev.scaffold.prompt.TerminalPrompter;
import dev.scaffold.template.BundledTemplates;
import java.util.List;

/** Chooses how to ask questions: on a terminal through {@code dev.scaffold.prompt}, otherwise not at all. */
final class Prompters {

  private Prompters() {}

  /**
   * The terminal prompter, or null when the terminal cannot take prompts; the run is then
   * non-interactive, and the user is told so, because missing answers will be reported as errors.
   */
  static Prompter forTerminal(CliContext ctx, boolean skipConfirmation) {
    Prompter p = TerminalPrompter.open(ctx.env(), skipConfirmation).orElse(null);
    if (p == null) {
      ctx.err().println("note: this terminal cannot show prompts (TERM="
          + ctx.env().getOrDefault("TERM", "unset") + "), so nothing is asked; give answers with --answers or --set");
      ctx.err().flush();
    }
    return p;
  }

  /** Lets the user pick one of the known templates, or explains how to name one when that is impossible. */
  static String pickTemplate(Prompter prompter, BundledTemplates catalog) {
    List<BundledTemplates.Entry> templates = catalog.list();
    if (prompter instanceof TerminalPrompter terminal && !templates.isEmpty()) {
      return terminal.pickTemplate(templates);
    }
    throw new InputException("no template given: name one (see `scaffold list`), a folder or a git URL");
  }

  /** Gives the terminal back as it was found. */
  static void close(Prompter prompter) {
    if (prompter instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception e) {
        // closing only restores terminal settings; a failure there must not hide the command's result
      }
    }
  }
}
