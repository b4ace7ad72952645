package dev.scaffold.cli;

import dev.scaffold.InputException;
import java.util.Locale;
import java.util.Map;

/**
 * Whether output gets colour: {@code --color always} or {@code never} as asked; {@code auto} (the
 * default) only when stdout is a terminal, {@code NO_COLOR} is unset or empty (no-color.org) and
 * {@code TERM} is not {@code dumb}.
 */
final class OutputStyle {

  private OutputStyle() {}

  static boolean color(String when, boolean terminal, Map<String, String> env) {
    switch (when == null ? "auto" : when.toLowerCase(Locale.ROOT)) {
      case "always":
        return true;
      case "never":
        return false;
      case "auto":
        String noColor = env.get("NO_COLOR");
        return terminal && (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.get("TERM"));
      default:
        throw InputException.at("--color " + when, "expected auto, always or never");
    }
  }
}
