package dev.scaffold.settings;

import dev.scaffold.InputException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The keys a profile holds, and the ones it never may (secrets stay in the environment). */
public final class SettingKeys {

  public static final String GITHUB_URL = "github_url";
  public static final String TRUSTED_SOURCES = "trusted_sources";
  public static final String TEMPLATE_LOCATION = "template_location";
  public static final String ANSWERS = "answers";

  /** The keys that are no answer; every other key of {@code settings set} is a default answer. */
  public static final List<String> RESERVED = List.of(GITHUB_URL, TRUSTED_SOURCES, TEMPLATE_LOCATION);

  private static final Pattern SECRET = Pattern.compile(
      ".*(token|secret|password|passwd|passphrase|credential|private_key|api_key|apikey).*");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private SettingKeys() {}

  /** Whether a key names a secret, which the settings file, readable as a plain file, must not hold. */
  public static boolean isSecret(String key) {
    return SECRET.matcher(key.toLowerCase(Locale.ROOT)).matches();
  }

  /**
   * A key given to {@code settings set} or {@code unset}, as the path it has in a profile: a
   * reserved key, or {@code answers.NAME} (written so, or as {@code NAME} alone).
   */
  public static List<String> path(String key) {
    String k = key.strip();
    if (isSecret(k)) {
      throw InputException.at(key, "settings hold no secrets; keep a token in GITHUB_TOKEN or GH_TOKEN "
          + "(or log in with `gh auth login`)");
    }
    if (RESERVED.contains(k)) {
      return List.of(k);
    }
    String answer = k.startsWith(ANSWERS + ".") ? k.substring(ANSWERS.length() + 1) : k;
    if (!NAME.matcher(answer).matches()) {
      throw InputException.at(key, "not a setting: use " + String.join(", ", RESERVED)
          + " or a question name (letters, digits, _)");
    }
    return List.of(ANSWERS, answer);
  }
}
