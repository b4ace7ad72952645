package dev.scaffold.answers;

import dev.scaffold.template.Choice;
import dev.scaffold.template.Question;
import dev.scaffold.template.QuestionType;
import dev.scaffold.template.YamlLimits;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Converts raw answers (text typed, YAML values, {@code --set} strings) to a question's type. */
public final class AnswerTypes {

  private static final Pattern WHOLE = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern NOT_FINITE = Pattern.compile("(?i)[-+]?\\.?(inf|infinity|nan)");

  private AnswerTypes() {}

  /**
   * @throws IllegalArgumentException with a message for the user when the value does not fit
   */
  public static Object convert(Question q, Object raw) {
    if (raw == null) {
      throw new IllegalArgumentException("no value given");
    }
    return switch (q.type()) {
      case CHOICE -> toChoice(q, raw);
      case MULTI -> toMulti(q, raw);
      default -> q.choices().isEmpty() ? ofType(q.type(), raw) : oneOf(q, raw);
    };
  }

  /** A value of a question type other than choice and multi, without regard to choices. */
  static Object ofType(QuestionType type, Object raw) {
    return switch (type) {
      case TEXT, SECRET -> raw instanceof Collection<?> ? fail("expected text, got a list") : raw.toString();
      case INT -> toInt(raw);
      case NUMBER -> toNumber(raw);
      case BOOL -> toBool(raw);
      case CHOICE, MULTI -> throw new IllegalStateException(type + " needs its choices");
    };
  }

  /**
   * The value a question skipped by {@code when} takes from its default: of the question's type
   * (a bool stays a bool), and one of its choices when it has any; with none (an expression that
   * rendered nothing) a choice default is kept as it is, as copier keeps it.
   */
  static Object skippedValue(Question q, Object def) {
    if (q.choices().isEmpty() && q.type() == QuestionType.CHOICE) {
      return def;
    }
    if (q.choices().isEmpty() && q.type() == QuestionType.MULTI) {
      return def instanceof Collection<?> c ? Collections.unmodifiableList(new ArrayList<>(c)) : List.of(def);
    }
    return convert(q, def);
  }

  /** An int, number, bool or text question with choices takes one of them: by label, or by its typed value. */
  private static Object oneOf(Question q, Object raw) {
    for (Choice c : q.choices()) {
      if (c.label().equals(raw.toString()) && typedOrNull(q.type(), c.value()) != null) {
        return typedOrNull(q.type(), c.value());
      }
    }
    Object value = ofType(q.type(), raw);
    for (Choice c : q.choices()) {
      Object typed = typedOrNull(q.type(), c.value());
      if (typed instanceof BigDecimal a && value instanceof BigDecimal b ? a.compareTo(b) == 0 : value.equals(typed)) {
        return typed; // 2.0 is the choice 2
      }
    }
    throw new IllegalArgumentException("`" + shown(raw) + "` is not one of " + labels(q));
  }

  /** A choice's value as the question's type; null when it has none (QuestionChoices reports that). */
  private static Object typedOrNull(QuestionType type, Object choiceValue) {
    if (choiceValue == null) {
      return null;
    }
    try {
      return ofType(type, choiceValue);
    } catch (IllegalArgumentException e) {
      return null;
    }
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
    if (raw instanceof BigInteger b) {
      throw outOfRange(b.toString());
    }
    if (raw instanceof BigDecimal d) {
      return wholeNumber(d, d.toString());
    }
    if (raw instanceof Collection<?>) {
      throw new IllegalArgumentException("expected a whole number, got a list");
    }
    String s = checkLength(raw.toString().trim().replace("_", ""));
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      if (WHOLE.matcher(s).matches()) {
        throw outOfRange(s);
      }
      throw new IllegalArgumentException("expected a whole number, got `" + shown(raw) + "`");
    }
  }

  /** 2.0 is 2; 2.5 or 1e30 is not an int. Only called within the exponent cap: longValueExact is cheap. */
  private static Long wholeNumber(BigDecimal d, String shown) {
    try {
      return d.longValueExact();
    } catch (ArithmeticException e) {
      if (d.stripTrailingZeros().scale() <= 0) {
        throw outOfRange(shown);
      }
      throw new IllegalArgumentException("expected a whole number, got " + shown(shown));
    }
  }

  private static IllegalArgumentException outOfRange(String value) {
    return new IllegalArgumentException("`" + shown(value) + "` is outside the 64-bit range of whole numbers ("
        + Long.MIN_VALUE + " to " + Long.MAX_VALUE + ")");
  }

  private static BigDecimal toNumber(Object raw) {
    if (raw instanceof Collection<?>) {
      throw new IllegalArgumentException("expected a number, got a list");
    }
    BigDecimal d;
    if (raw instanceof BigDecimal b) {
      d = b;
    } else if (raw instanceof Number n) {
      d = new BigDecimal(n.toString());
    } else {
      String s = checkLength(raw.toString().trim());
      try {
        d = new BigDecimal(s);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("expected a number, got `" + shown(raw) + "`"
            + (NOT_FINITE.matcher(s).matches() ? " (infinity and NaN are not numbers here)" : ""));
      }
    }
    if (!YamlLimits.exponentInRange(d)) {
      throw new IllegalArgumentException("`" + shown(raw) + "` is out of range: the exponent must be within ±"
          + YamlLimits.MAX_EXPONENT);
    }
    return d;
  }

  /** Longer digit strings cost quadratic time to convert, and no real answer is that long. */
  private static String checkLength(String s) {
    if (s.length() > YamlLimits.MAX_NUMBER_CHARS) {
      throw new IllegalArgumentException("a number longer than " + YamlLimits.MAX_NUMBER_CHARS + " characters");
    }
    return s;
  }

  /** A value as an error message quotes it: never more than a line. */
  static String shown(Object raw) {
    String s = raw.toString();
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
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
