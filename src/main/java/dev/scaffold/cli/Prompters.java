package dev.scaffold.cli;

import dev.scaffold.answers.Prompter;
import dev.scaffold.template.BundledTemplates;

/** Chooses how to ask questions: on a terminal through {@code dev.scaffold.prompt}, otherwise not at all. */
final class Prompters {

  private Prompters() {}

  /** The terminal prompter, or null while none is available (the run is then non-interactive). */
  static Prompter forTerminal(CliContext ctx, boolean skipConfirmation) {
    return null;
  }

  static String pickTemplate(CliContext ctx, BundledTemplates catalog) {
    throw new dev.scaffold.InputException("no template given: name one (see `scaffold list`), a folder or a git URL");
  }
}
