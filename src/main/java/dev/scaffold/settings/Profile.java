package dev.scaffold.settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One named profile of the settings file.
 *
 * @param answers default answers by question name, used in place of a template's own defaults
 * @param githubUrl the GitHub API URL, or null for the usual one
 * @param trustedSources template source prefixes (such as {@code gh:acme/}) whose tasks run without {@code --trust}
 * @param templateLocation where a bare template name that is not bundled is looked up (such as {@code gh:acme/}), or null
 * @param where how to name this profile in messages: {@code profile `work` (FILE)}
 */
public record Profile(String name, Map<String, Object> answers, String githubUrl, List<String> trustedSources,
    String templateLocation, String where) {

  public Profile {
    answers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    trustedSources = List.copyOf(trustedSources);
  }

  /** The profile with nothing in it, as a missing settings file gives. */
  public static Profile empty(String name, String where) {
    return new Profile(name, Map.of(), null, List.of(), null, where);
  }

  /**
   * Whether tasks of the template named {@code source} may run without {@code --trust}: it starts
   * with one of the trusted prefixes and climbs out of none of them ({@code gh:acme/../evil} is not
   * under {@code gh:acme/}).
   */
  public boolean trusts(String source) {
    if (source == null || source.contains("..") || source.contains("::") || source.chars().anyMatch(Character::isISOControl)) {
      return false;
    }
    for (String prefix : trustedSources) {
      if (source.startsWith(prefix) && source.length() > prefix.length()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The template a bare name stands for under {@link #templateLocation()}: {@code gh:acme/} and
   * {@code svc} give {@code gh:acme/svc}; a location without a trailing separator gets a {@code /}.
   */
  public String locate(String name) {
    if (templateLocation == null) {
      return name;
    }
    boolean joined = templateLocation.endsWith("/") || templateLocation.endsWith(":");
    return templateLocation + (joined ? "" : "/") + name;
  }
}
