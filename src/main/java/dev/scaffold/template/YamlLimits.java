package dev.scaffold.template;

import dev.scaffold.InputException;
import java.math.BigDecimal;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The caps on every YAML or JSON document scaffold reads ({@code scaffold.yml}, answers files).
 * SnakeYAML's {@link LoaderOptions} guards live in its composer, which {@link YamlDocument} does
 * not use: the parser enforces the size, {@code YamlDocument} the rest. Fixed and generous: a real
 * {@code scaffold.yml} or answers file is a few kilobytes, a few levels deep, with a handful of
 * aliases.
 */
public final class YamlLimits {

  /** Code points in one document (the input-file cap is 10 MiB of bytes). */
  public static final int MAX_CODE_POINTS = 10 * 1024 * 1024;
  /**
   * Characters of one line. SnakeYAML copies its look-ahead window for every 1,024 characters of a
   * pending token, so scanning one long token (a line of a block scalar or comment, a word) costs
   * its length squared: 8 Mi characters on one line take 10 s, 1 Mi 0.1 s.
   */
  public static final int MAX_LINE_CHARS = 1024 * 1024;
  /** Lists and mappings inside each other. */
  public static final int MAX_DEPTH = 50;
  /** Aliases to a list or mapping, as SnakeYAML's default. */
  public static final int MAX_COLLECTION_ALIASES = 50;
  /** Values all aliases together stand for, expanded: stops a "billion laughs". */
  public static final int MAX_ALIAS_NODES = 100_000;
  /** Characters of a number; longer digit strings cost quadratic time to convert. */
  public static final int MAX_NUMBER_CHARS = 1024;
  /** Decimal exponent of a number: {@code 1e999999999} would expand to a billion digits. */
  public static final int MAX_EXPONENT = 1000;

  private YamlLimits() {}

  static LoaderOptions loaderOptions() {
    LoaderOptions o = new LoaderOptions();
    o.setAllowDuplicateKeys(false);
    o.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
    o.setNestingDepthLimit(MAX_DEPTH);
    // one more than ours, so that checkSize's clearer message always comes first
    o.setCodePointLimit(MAX_CODE_POINTS + 1);
    return o;
  }

  static void checkSize(String text, String displayName) {
    if (text.length() > MAX_CODE_POINTS && text.codePointCount(0, text.length()) > MAX_CODE_POINTS) {
      throw InputException.at(displayName, "refused: larger than " + (MAX_CODE_POINTS >> 20)
          + " Mi characters (a fixed limit of scaffold's YAML reader)");
    }
    if (text.length() <= MAX_LINE_CHARS) {
      return;
    }
    int line = 1;
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\n' || text.charAt(i) == '\r') {
        if (i - start > MAX_LINE_CHARS) {
          throw InputException.at(displayName + ":" + line, "refused: a line longer than " + (MAX_LINE_CHARS >> 20)
              + " Mi characters (a fixed limit of scaffold's YAML reader)");
        }
        if (i < text.length() && text.charAt(i) == '\n') {
          line++;
        }
        start = i + 1;
      }
    }
  }

  /**
   * Whether a number stays within {@link #MAX_EXPONENT}, so that its digits can be written out
   * ({@code toPlainString}, {@code toBigInteger}) in bounded time and memory.
   */
  public static boolean exponentInRange(BigDecimal d) {
    if (d.signum() == 0) {
      return Math.abs((long) d.scale()) <= MAX_EXPONENT;
    }
    long exponent = (long) d.precision() - d.scale() - 1;
    return Math.abs(exponent) <= MAX_EXPONENT && Math.abs((long) d.scale()) <= MAX_EXPONENT + MAX_NUMBER_CHARS;
  }
}
