package dev.scaffold.answers;

import dev.scaffold.template.Choice;
import dev.scaffold.template.Question;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Converts raw answers (text typed, YAML values, {@code --set} strings) to a question's type. */
public final class AnswerTypes {

  private AnswerTypes() {}

  /**
   * @throws IllegalArgumentException with a message for the user when the value does not fit
   */
  public static Object convert(Question q, Object raw) {
    if (raw == null) {
      throw new IllegalArgumentException("no value given");
    }
    return switch (q.type()) {
      case TEXT, SECRET -> raw instanceof Collection<?> ? fail("expected text, got a list") : raw.toString();
      case INT -> toInt(raw);
      case NUMBER -> toNumber(raw);
      case BOOL -> toBool(raw);
      case CHOICE -> toChoice(q, raw);
      case MULTI -> toMulti(q, raw);
    };
  }

  /** The value a question takes when it is skipped and has no default. */
  public static Object empty(Question q) {
    return switch (q.type()) {
      case TEXT, SECRET -> "";
      case BOOL -> Boolean.FALSE;
      case MULTI -> List.of();
      default -> null;
    };
  }

  private static Object fail(String message) {
    throw new IllegalArgumentException(message);
  }

  private static Long toInt(Object raw) {
    if (raw instanceof Long || raw instanceof Integer) {
      return ((Number) raw).longValue();
    }
    if (raw instanceof BigDecimal d) {
      try {
        return d.longValueExact();
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("expected a whole number, got " + d.toPlainString());
      }
    }
    String s = raw.toString().trim().replace("_", "");
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected a whole number, got `" + raw + "`");
    }
  }

  private static BigDecimal toNumber(Object raw) {
    if (raw instanceof BigDecimal d) {
      return d;
    }
    if (raw instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    try {
      return new BigDecimal(raw.toString().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected a number, got `" + raw + "`");
    }
  }

  private static Boolean toBool(Object raw) {
    if (raw instanceof Boolean b) {
      return b;
    }
    return switch (raw.toString().trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "y", "on", "1" -> true;
      case "false", "no", "n", "off", "0" -> false;
      default -> throw new IllegalArgumentException("expected yes or no (true/false), got `" + raw + "`");
    };
  }

  private static Object toChoice(Question q, Object raw) {
    for (Choice c : q.choices()) {
      if (same(c.value(), raw) || c.label().equals(raw.toString())) {
        return c.value();
      }
    }
    throw new IllegalArgumentException("`" + raw + "` is not one of " + labels(q));
  }

  private static List<Object> toMulti(Question q, Object raw) {
    List<Object> items = new ArrayList<>();
    if (raw instanceof Collection<?> c) {
      items.addAll(c);
    } else if (!raw.toString().isBlank()) {
      for (String s : raw.toString().split(",")) {
        items.add(s.trim());
      }
    }
    List<Object> out = new ArrayList<>();
    for (Object item : items) {
      Object v = toChoice(q, item);
      if (!out.contains(v)) {
        out.add(v);
      }
    }
    return List.copyOf(out);
  }

  private static boolean same(Object choiceValue, Object raw) {
    if (choiceValue == null) {
      return false;
    }
    if (choiceValue.equals(raw)) {
      return true;
    }
    return choiceValue.toString().equals(raw.toString());
  }

  static String labels(Question q) {
    List<String> out = new ArrayList<>();
    q.choices().forEach(c -> out.add(c.label()));
    return String.join(", ", out);
  }
}
