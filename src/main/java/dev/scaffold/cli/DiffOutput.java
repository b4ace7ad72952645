package dev.scaffold.cli;

import dev.scaffold.update.DriftReport;

/**
 * How {@code scaffold diff} prints a patch: coloured and paged on a terminal (see {@link
 * OutputStyle} and {@link Pager}), plain in a pipe, nothing with {@code --quiet}; and the exit code
 * {@code --exit-code} asks for.
 */
final class DiffOutput {

  private final CliContext ctx;
  private final String color;
  private final boolean noPager;
  private final boolean quiet;
  private final boolean exitCode;

  /** @param quiet print no patch and exit as {@code --exit-code} does, like {@code git diff --quiet} */
  DiffOutput(CliContext ctx, String color, boolean noPager, boolean quiet, boolean exitCode) {
    this.ctx = ctx;
    this.color = color;
    this.noPager = noPager;
    this.quiet = quiet;
    this.exitCode = exitCode || quiet;
  }

  /** Checks the options before any work is done. */
  DiffOutput validated() {
    OutputStyle.color(color, false, ctx.env());
    return this;
  }

  /** Prints the report's patch (or the word that there is none) and returns the exit code. */
  int print(DriftReport r) {
    boolean drift = !r.patch().isEmpty();
    if (quiet) {
      // nothing printed
    } else if (!drift) {
      // stdout stays an empty patch for tools; the person reading gets a word on stderr
      ctx.err().println("No drift: " + r.project() + " matches a fresh render of " + r.template() + " " + r.version() + ".");
    } else {
      String text = OutputStyle.color(color, ctx.terminal(), ctx.env()) ? DiffColors.apply(r.patch()) : r.patch();
      Pager pager = Pager.choose(ctx.terminal(), noPager, ctx.env());
      if (pager == null) {
        ctx.out().print(text);
        ctx.out().flush();
      } else {
        ctx.out().flush();
        pager.show(text, ctx.env(), ctx.out(), ctx.err());
      }
    }
    return exitCode && drift ? ExitCodes.FAILURE : ExitCodes.OK;
  }

  /** The JSON form's exit code: the same rule, the patch left out. */
  int jsonExit(DriftReport r) {
    return exitCode && !r.patch().isEmpty() ? ExitCodes.FAILURE : ExitCodes.OK;
  }
}
