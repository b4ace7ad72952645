package dev.scaffold.template;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which template references are sane enough to hand to git: a bundled name, a path, a URL of a
 * plain transport, {@code user@host:path} or {@code gh:}/{@code gl:} shorthand. git's
 * remote-helper syntax {@code <transport>::<address>} is refused ({@code ext::} runs any command,
 * {@code fd::} reads file descriptors), as is anything that could read as an option to git.
 */
public final class TemplateSources {

  private static final Pattern HELPER = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)::");
  private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://");
  // ssh://-oProxyCommand=... or user@-oProxyCommand=...:path (CVE-2017-1000117)
  private static final Pattern OPTION_HOST = Pattern.compile("^(?:[A-Za-z][A-Za-z0-9+.-]*://)?(?:[^/@]*@)?-");
  private static final Set<String> SCHEMES = Set.of("https", "http", "ssh", "git", "file");

  private TemplateSources() {}

  /** Why {@code ref} is refused as a template source, or null when it is fine. */
  public static String problem(String ref) {
    if (ref.isBlank()) {
      return "is empty";
    }
    if (ref.chars().anyMatch(Character::isISOControl)) {
      return "contains a control character";
    }
    if (ref.startsWith("-")) {
      return "`" + shown(ref) + "` starts with `-`, which git would read as an option";
    }
    Matcher helper = HELPER.matcher(ref);
    if (helper.find()) {
      return "`" + shown(ref) + "` uses git's remote-helper syntax `" + helper.group(1)
          + "::`, which can run commands; name a template by path, URL or gh:OWNER/NAME";
    }
    if (OPTION_HOST.matcher(ref).find()) {
      return "`" + shown(ref) + "` names a host starting with `-`, which ssh would read as an option";
    }
    Matcher scheme = SCHEME.matcher(ref);
    if (scheme.find() && !SCHEMES.contains(scheme.group(1).toLowerCase(Locale.ROOT))) {
      return "`" + shown(ref) + "` has an unsupported URL scheme `" + scheme.group(1) + "://` (use https, ssh, git or file)";
    }
    return null;
  }

  /** A source as messages quote it: never more than a line. */
  private static String shown(String ref) {
    return ref.length() <= 200 ? ref : ref.substring(0, 197) + "...";
  }
}
