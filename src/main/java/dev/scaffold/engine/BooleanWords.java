package dev.scaffold.engine;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * What a rendered condition means, read as copier's {@code cast_to_bool} reads one: YAML's boolean
 * words in any case, YAML's nulls and the empty text as false, a number as false only when zero.
 * Anything else is a mistake in the template rather than true, so it is refused.
 */
final class BooleanWords {

  private BooleanWords() {}

  /** @return the truth of {@code text}, or null when it names none */
  static Boolean parse(String text) {
    String v = text.trim();
    switch (v.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "y", "on", "t":
        return true;
      case "false", "no", "n", "off", "f", "null", "~", "none", "":
        return false;
      default:
        break;
    }
    if (v.length() > 40) {
      return null; // no number in a condition is that long
    }
    try {
      return new BigDecimal(v).signum() != 0;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
