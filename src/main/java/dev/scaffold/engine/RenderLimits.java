package dev.scaffold.engine;

import dev.scaffold.InputException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * How long one render may run and how much it may write, so that a hostile or broken template
 * stops with an error instead of hanging or filling the disk. One render is a file, a path segment
 * or a value from scaffold.yml; the total counts every rendered file of one template version.
 * Sizes are counted in characters of output. The time limit also bounds a question's
 * {@code validate} pattern.
 *
 * <p>Each limit is read from a system property, else an environment variable, else its default:
 * {@code scaffold.renderTimeout} / {@code SCAFFOLD_RENDER_TIMEOUT} (seconds, default 10),
 * {@code scaffold.maxFileSize} / {@code SCAFFOLD_MAX_FILE_SIZE} (default 16M) and
 * {@code scaffold.maxOutput} / {@code SCAFFOLD_MAX_OUTPUT} (default 256M); sizes take a K, M or G
 * suffix (binary). The defaults are far above what real templates produce (the largest generated
 * files are lock files and fixtures of a few MiB), and low enough that a runaway render ends in
 * seconds on a laptop without exhausting a default heap.
 */
public record RenderLimits(Duration timeout, long maxFileChars, long maxTotalChars) {

  public static final String TIMEOUT_VARIABLE = "SCAFFOLD_RENDER_TIMEOUT";
  public static final String FILE_SIZE_VARIABLE = "SCAFFOLD_MAX_FILE_SIZE";
  public static final String TOTAL_VARIABLE = "SCAFFOLD_MAX_OUTPUT";

  public static final RenderLimits DEFAULTS = new RenderLimits(Duration.ofSeconds(10), 16L << 20, 256L << 20);

  // set by the command line from its environment; until then, the process's own
  private static volatile RenderLimits current;
  private static volatile Consumer<String> runaway;

  public RenderLimits {
    if (timeout.isNegative() || timeout.isZero() || maxFileChars <= 0 || maxTotalChars <= 0) {
      throw new IllegalArgumentException("render limits must be positive");
    }
  }

  /** The limits in force: those last {@linkplain #use used}, else the process's properties and environment. */
  public static RenderLimits current() {
    RenderLimits l = current;
    return l != null ? l : from(System.getenv());
  }

  /** Makes {@code limits} those of every engine created from now on. */
  public static void use(RenderLimits limits) {
    current = limits;
  }

  /**
   * What to do when a render keeps running one more time limit after it was told to stop (a
   * built-in that loops inside one expression cannot be interrupted): the command line prints the
   * message and exits. Null, the default, lets such a render run to its end.
   */
  public static void onRunaway(Consumer<String> action) {
    runaway = action;
  }

  static Consumer<String> runawayAction() {
    return runaway;
  }

  /** The limits the system properties and {@code env} set, defaults for the rest. */
  public static RenderLimits from(Map<String, String> env) {
    String timeout = setting("scaffold.renderTimeout", TIMEOUT_VARIABLE, env);
    String file = setting("scaffold.maxFileSize", FILE_SIZE_VARIABLE, env);
    String total = setting("scaffold.maxOutput", TOTAL_VARIABLE, env);
    return new RenderLimits(
        timeout == null ? DEFAULTS.timeout : seconds(TIMEOUT_VARIABLE, timeout),
        file == null ? DEFAULTS.maxFileChars : size(FILE_SIZE_VARIABLE, file),
        total == null ? DEFAULTS.maxTotalChars : size(TOTAL_VARIABLE, total));
  }

  private static String setting(String property, String variable, Map<String, String> env) {
    String v = System.getProperty(property);
    if (v == null || v.isBlank()) {
      v = env.get(variable);
    }
    return v == null || v.isBlank() ? null : v.strip();
  }

  private static Duration seconds(String name, String value) {
    try {
      double s = Double.parseDouble(value);
      if (s > 0 && s <= 86_400) {
        return Duration.ofMillis(Math.max(1, Math.round(s * 1000)));
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InputException(name + ": `" + value + "` is not a number of seconds between 0 and 86400 (such as 10 or 0.5)");
  }

  private static long size(String name, String value) {
    String v = value.toUpperCase(Locale.ROOT);
    int shift = 0;
    if (v.endsWith("K") || v.endsWith("M") || v.endsWith("G")) {
      shift = v.endsWith("K") ? 10 : v.endsWith("M") ? 20 : 30;
      v = v.substring(0, v.length() - 1);
    }
    if (v.matches("\\d{1,9}") && Long.parseLong(v) > 0) {
      return Long.parseLong(v) << shift;
    }
    throw new InputException(name + ": `" + value + "` is not a size (a positive number of characters, or with K, M or G, such as 64M)");
  }

  /** A size for messages, in the settings' own notation: {@code 16M characters}, {@code 512 characters}. */
  static String describe(long chars) {
    if (chars >= 1 << 30 && chars % (1 << 30) == 0) {
      return (chars >> 30) + "G characters";
    }
    if (chars >= 1 << 20 && chars % (1 << 20) == 0) {
      return (chars >> 20) + "M characters";
    }
    if (chars >= 1 << 10 && chars % (1 << 10) == 0) {
      return (chars >> 10) + "K characters";
    }
    return chars + " characters";
  }

  /** A duration for messages: {@code 10 s}, {@code 0.5 s}. */
  public static String describe(Duration d) {
    long ms = d.toMillis();
    return (ms % 1000 == 0 ? String.valueOf(ms / 1000) : String.valueOf(ms / 1000.0)) + " s";
  }
}
