package dev.scaffold.template;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A template version read from a git tag: semantic ({@code 1.2.3}, {@code v1.2.3}, {@code
 * 1.3.0-rc.1}), PEP 440 style ({@code 1.3.0rc1}, {@code 1.3.0.dev0}, post-releases {@code
 * 1.2.3.post1}) or calendar ({@code 24.03.1}). Ordered numerically, with pre-releases before their
 * release and post-releases after it.
 *
 * @param post the post-release number ({@code .post1}, {@code -post1}, {@code .r1}), or null for none
 */
public record TemplateVersion(String tag, List<BigInteger> release, String preLabel, List<String> preParts,
    BigInteger post) implements Comparable<TemplateVersion> {

  private static final Pattern FORM =
      Pattern.compile(
          "[vV]?(\\d+(?:\\.\\d+)*)"
              + "(?:(?:[-.]?(?<pep>a|alpha|b|beta|c|rc|pre|preview|dev)[-.]?(?<pepn>\\d*))?"
              + "(?:[-.]?(?<post>post|rev|r)[-.]?(?<postn>\\d*))?"
              + "|(?:-(?<semver>[0-9A-Za-z.-]+)))"
              + "(?:\\+[0-9A-Za-z.-]+)?");

  /** Reads a tag, or empty when it is no version this tool understands. */
  public static Optional<TemplateVersion> parse(String tag) {
    Matcher m = FORM.matcher(tag.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    List<BigInteger> release = new ArrayList<>();
    for (String part : m.group(1).split("\\.")) {
      release.add(new BigInteger(part));
    }
    String pre = null;
    List<String> parts = List.of();
    if (m.group("pep") != null) {
      pre = canonicalLabel(m.group("pep").toLowerCase(Locale.ROOT));
      parts = List.of(m.group("pepn").isEmpty() ? "0" : m.group("pepn"));
    } else if (m.group("semver") != null) {
      String[] ids = m.group("semver").split("\\.");
      String first = ids[0].toLowerCase(Locale.ROOT);
      Matcher glued = Pattern.compile("([a-z]+)(\\d+)").matcher(first);
      List<String> rest = new ArrayList<>();
      if (glued.matches()) {
        pre = canonicalLabel(glued.group(1));
        rest.add(glued.group(2));
      } else {
        pre = canonicalLabel(first);
      }
      for (int i = 1; i < ids.length; i++) {
        rest.add(ids[i]);
      }
      parts = List.copyOf(rest);
    }
    BigInteger post = null;
    if (m.group("post") != null) {
      post = m.group("postn").isEmpty() ? BigInteger.ZERO : new BigInteger(m.group("postn"));
    }
    return Optional.of(new TemplateVersion(tag, List.copyOf(release), pre, parts, post));
  }

  public boolean isPrerelease() {
    return preLabel != null;
  }

  /** The newest version among tags, skipping pre-releases unless asked; tags that are no version are ignored. */
  public static Optional<TemplateVersion> newest(Collection<String> tags, boolean includePrereleases) {
    return tags.stream()
        .map(TemplateVersion::parse)
        .flatMap(Optional::stream)
        .filter(v -> includePrereleases || !v.isPrerelease())
        .max(Comparator.naturalOrder());
  }

  @Override
  public int compareTo(TemplateVersion o) {
    int n = Math.max(release.size(), o.release.size());
    for (int i = 0; i < n; i++) {
      BigInteger a = i < release.size() ? release.get(i) : BigInteger.ZERO;
      BigInteger b = i < o.release.size() ? o.release.get(i) : BigInteger.ZERO;
      int c = a.compareTo(b);
      if (c != 0) {
        return c;
      }
    }
    int c = comparePre(o);
    if (c != 0) {
      return c;
    }
    // no post-release sorts before .post0: 1.2.3 < 1.2.3.post0 < 1.2.3.post1
    BigInteger none = BigInteger.ONE.negate();
    return (post == null ? none : post).compareTo(o.post == null ? none : o.post);
  }

  private int comparePre(TemplateVersion o) {
    if (preLabel == null || o.preLabel == null) {
      return Boolean.compare(preLabel == null, o.preLabel == null);
    }
    int c = Integer.compare(rank(preLabel), rank(o.preLabel));
    if (c == 0) {
      c = preLabel.compareTo(o.preLabel);
    }
    for (int i = 0; c == 0 && i < Math.max(preParts.size(), o.preParts.size()); i++) {
      if (i >= preParts.size() || i >= o.preParts.size()) {
        return Integer.compare(preParts.size(), o.preParts.size());
      }
      c = compareIdentifier(preParts.get(i), o.preParts.get(i));
    }
    return c;
  }

  private static int compareIdentifier(String a, String b) {
    boolean an = a.chars().allMatch(Character::isDigit);
    boolean bn = b.chars().allMatch(Character::isDigit);
    if (an && bn) {
      return new BigInteger(a).compareTo(new BigInteger(b));
    }
    if (an != bn) {
      return an ? -1 : 1; // semver: numeric identifiers sort before alphanumeric ones
    }
    return a.compareTo(b);
  }

  private static String canonicalLabel(String label) {
    return switch (label) {
      case "a" -> "alpha";
      case "b" -> "beta";
      case "c", "pre", "preview" -> "rc";
      default -> label;
    };
  }

  private static int rank(String label) {
    return switch (label) {
      case "dev" -> 0;
      case "alpha" -> 1;
      case "beta" -> 2;
      case "rc" -> 3;
      default -> 2; // unknown semver labels sort between beta and rc, then by name
    };
  }

  @Override
  public String toString() {
    return tag;
  }
}
