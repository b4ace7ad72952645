package dev.scaffold.settings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scaffold.InputException;
import dev.scaffold.InputFiles;
import dev.scaffold.OperationException;
import dev.scaffold.Problem;
import dev.scaffold.template.YamlDocument;
import dev.scaffold.template.YamlWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The user's settings file: {@code profile} (the one in use) and {@code profiles}, each a
 * {@link Profile}. Read whole and checked up front, so a mistake is one error naming file and
 * line; written back with every key it held, through a temporary file renamed over it (mode 0600).
 */
public final class SettingsFile {

  public static final String DEFAULT_PROFILE = "default";
  public static final String PROFILE_VARIABLE = "SCAFFOLD_PROFILE";
  private static final String ACTIVE = "profile";
  private static final String PROFILES = "profiles";
  private static final Pattern PROFILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private final Path file;
  private final Map<String, Object> document;
  private final Map<String, Profile> profiles;

  private SettingsFile(Path file, Map<String, Object> document, Map<String, Profile> profiles) {
    this.file = file;
    this.document = document;
    this.profiles = profiles;
  }

  /** {@code $XDG_CONFIG_HOME/scaffold/settings.yml}, else {@code ~/.config/scaffold/settings.yml}. */
  public static Path location(Map<String, String> env) {
    String xdg = env.get("XDG_CONFIG_HOME");
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg, "scaffold", "settings.yml");
    }
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    return Path.of(home, ".config", "scaffold", "settings.yml");
  }

  /** The settings in the environment's settings file; none when it does not exist. */
  public static SettingsFile load(Map<String, String> env) {
    return read(location(env));
  }

  /** Reads and checks {@code file}; a missing file holds no profile. */
  public static SettingsFile read(Path file) {
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.exists(file)) {
      return new SettingsFile(file, new LinkedHashMap<>(), new LinkedHashMap<>());
    }
    String name = file.toString();
    YamlDocument doc = YamlDocument.parse(InputFiles.readText(file, name), name);
    JsonNode root = doc.root();
    Map<String, Object> document = new LinkedHashMap<>();
    Map<String, Profile> profiles = new LinkedHashMap<>();
    if (root == null || root.isMissingNode() || root.isNull()) {
      return new SettingsFile(file, document, profiles);
    }
    if (!root.isObject()) {
      throw InputException.at(doc.where(""), "the settings file must be a mapping (profile:, profiles:)");
    }
    List<Problem> problems = new ArrayList<>();
    JsonNode active = root.get(ACTIVE);
    if (active != null && !(active.isTextual() && PROFILE_NAME.matcher(active.asText()).matches())) {
      problems.add(Problem.at(doc.where("/" + ACTIVE), "`profile` must be a profile name"));
    }
    JsonNode all = root.get(PROFILES);
    if (all != null && !all.isNull()) {
      if (!all.isObject()) {
        problems.add(Problem.at(doc.where("/" + PROFILES), "`profiles` must map each profile's name to its settings"));
      } else {
        for (Iterator<Map.Entry<String, JsonNode>> it = all.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          Profile p = profile(doc, e.getKey(), e.getValue(), problems);
          if (p != null) {
            profiles.put(e.getKey(), p);
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InputException(problems.size() == 1 ? problems.get(0).toString()
          : problems.size() + " problems in " + name, problems);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> plain = (Map<String, Object>) YamlDocument.toJava(root);
    document.putAll(plain);
    return new SettingsFile(file, document, profiles);
  }

  private static Profile profile(YamlDocument doc, String name, JsonNode node, List<Problem> problems) {
    String at = "/" + PROFILES + "/" + name;
    if (!PROFILE_NAME.matcher(name).matches()) {
      problems.add(Problem.at(doc.where(at), "`" + name + "` is no profile name (letters, digits, . _ -)"));
      return null;
    }
    if (node.isNull()) {
      return Profile.empty(name, where(name, doc.displayName()));
    }
    if (!node.isObject()) {
      problems.add(Problem.at(doc.where(at), "profile `" + name + "` must be a mapping"));
      return null;
    }
    int before = problems.size();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (SettingKeys.isSecret(key)) {
        problems.add(secret(doc, at + "/" + key, key));
      }
    }
    String githubUrl = text(doc, node, at, SettingKeys.GITHUB_URL, problems);
    String location = text(doc, node, at, SettingKeys.TEMPLATE_LOCATION, problems);
    List<String> trusted = trusted(doc, node, at, problems);
    Map<String, Object> answers = new LinkedHashMap<>();
    JsonNode a = node.get(SettingKeys.ANSWERS);
    if (a != null && !a.isNull()) {
      if (!a.isObject()) {
        problems.add(Problem.at(doc.where(at + "/" + SettingKeys.ANSWERS), "`answers` must map question names to answers"));
      } else {
        for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          String key = at + "/" + SettingKeys.ANSWERS + "/" + e.getKey();
          if (SettingKeys.isSecret(e.getKey())) {
            problems.add(secret(doc, key, e.getKey()));
          } else if (e.getValue().isObject() || e.getValue().isArray() && hasContainer(e.getValue())) {
            problems.add(Problem.at(doc.where(key), "`" + e.getKey() + "` must be a value or a list of values"));
          } else {
            answers.put(e.getKey(), YamlDocument.toJava(e.getValue()));
          }
        }
      }
    }
    return problems.size() > before ? null
        : new Profile(name, answers, githubUrl, trusted, location, where(name, doc.displayName()));
  }

  private static boolean hasContainer(JsonNode list) {
    for (JsonNode n : list) {
      if (n.isContainerNode()) {
        return true;
      }
    }
    return false;
  }

  private static Problem secret(YamlDocument doc, String pointer, String key) {
    return Problem.at(doc.where(pointer), "`" + key + "`: settings hold no secrets; keep a token in GITHUB_TOKEN "
        + "or GH_TOKEN (or log in with `gh auth login`)");
  }

  private static String text(YamlDocument doc, JsonNode profile, String at, String key, List<Problem> problems) {
    JsonNode n = profile.get(key);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual() || n.asText().isBlank() || n.asText().chars().anyMatch(Character::isISOControl)) {
      problems.add(Problem.at(doc.where(at + "/" + key), "`" + key + "` must be text"));
      return null;
    }
    return n.asText().strip();
  }

  private static List<String> trusted(YamlDocument doc, JsonNode profile, String at, List<Problem> problems) {
    JsonNode n = profile.get(SettingKeys.TRUSTED_SOURCES);
    List<String> out = new ArrayList<>();
    if (n == null || n.isNull()) {
      return out;
    }
    List<JsonNode> items = new ArrayList<>();
    if (n.isArray()) {
      n.forEach(items::add);
    } else {
      items.add(n);
    }
    String where = doc.where(at + "/" + SettingKeys.TRUSTED_SOURCES);
    for (JsonNode item : items) {
      String why = item.isTextual() ? trustedProblem(item.asText()) : "must be text";
      if (why != null) {
        problems.add(Problem.at(where, "trusted source `" + item.asText() + "` " + why));
      } else {
        out.add(item.asText().strip());
      }
    }
    return out;
  }

  /**
   * Why a trusted prefix is refused, or null: it must end with {@code /} and name more than a
   * scheme, so that {@code gh:acme} cannot also trust {@code gh:acme-evil/...} and {@code gh:} not all of GitHub.
   */
  public static String trustedProblem(String prefix) {
    String p = prefix.strip();
    if (!p.endsWith("/")) {
      return "must end with / (such as gh:acme/)";
    }
    String rest = p.replaceFirst("^[a-z][a-z0-9+.-]*:(//)?", "");
    if (rest.replace("/", "").isEmpty() || p.contains("..") || p.chars().anyMatch(Character::isISOControl)) {
      return "must name an owner or host (such as gh:acme/ or https://git.example.com/acme/)";
    }
    return null;
  }

  private static String where(String profile, String file) {
    return "profile `" + profile + "` (" + file + ")";
  }

  public Path file() {
    return file;
  }

  /** The profile names, in the file's order. */
  public List<String> profileNames() {
    return List.copyOf(profiles.keySet());
  }

  /** The profile the file says is in use ({@code settings use}), else {@code default}. */
  public String activeName() {
    Object a = document.get(ACTIVE);
    return a instanceof String s ? s : DEFAULT_PROFILE;
  }

  /** The name in force: {@code requested} ({@code --profile}), else {@code SCAFFOLD_PROFILE}, else the file's. */
  public String selectedName(String requested, Map<String, String> env) {
    if (requested != null && !requested.isBlank()) {
      return requested.strip();
    }
    String fromEnv = env.get(PROFILE_VARIABLE);
    return fromEnv != null && !fromEnv.isBlank() ? fromEnv.strip() : activeName();
  }

  /**
   * The profile in force. {@code default} may be absent (it is then empty); any other name must
   * be in the file, else the error lists the known ones.
   *
   * @param requested the command's {@code --profile}, or null
   */
  public Profile select(String requested, Map<String, String> env) {
    String name = selectedName(requested, env);
    Profile p = profiles.get(name);
    if (p != null) {
      return p;
    }
    if (name.equals(DEFAULT_PROFILE)) {
      return Profile.empty(name, where(name, file.toString()));
    }
    throw unknown(name, requested != null && !requested.isBlank() ? "--profile"
        : env.get(PROFILE_VARIABLE) != null && !env.get(PROFILE_VARIABLE).isBlank() ? PROFILE_VARIABLE : file + ": profile");
  }

  private InputException unknown(String name, String source) {
    List<String> known = new ArrayList<>(profiles.keySet());
    if (!known.contains(DEFAULT_PROFILE)) {
      known.add(0, DEFAULT_PROFILE);
    }
    return InputException.at(source, "no profile `" + name + "` in " + file + "; known profiles: " + String.join(", ", known));
  }

  /** Sets {@code key} ({@link SettingKeys#path}) in {@code profile}, which is created if need be. */
  public void set(String profile, String key, String value) {
    checkProfileName(profile);
    List<String> path = SettingKeys.path(key);
    Object v = value;
    if (path.get(0).equals(SettingKeys.TRUSTED_SOURCES)) {
      List<String> prefixes = new ArrayList<>();
      for (String part : value.split(",")) {
        if (part.isBlank()) {
          continue;
        }
        String why = trustedProblem(part);
        if (why != null) {
          throw InputException.at(key, "trusted source `" + part.strip() + "` " + why);
        }
        prefixes.add(part.strip());
      }
      v = prefixes;
    } else if (value.isBlank() || value.chars().anyMatch(Character::isISOControl)) {
      throw InputException.at(key, "give a value (to remove the setting, use `scaffold settings unset " + key + "`)");
    }
    Map<String, Object> node = profileNode(profile, true);
    for (int i = 0; i < path.size() - 1; i++) {
      node = child(node, path.get(i), true);
    }
    node.put(path.get(path.size() - 1), v);
  }

  /** Removes {@code key} from {@code profile}; false when it was not set. */
  public boolean unset(String profile, String key) {
    List<String> path = SettingKeys.path(key);
    Map<String, Object> node = profileNode(profile, false);
    for (int i = 0; node != null && i < path.size() - 1; i++) {
      node = child(node, path.get(i), false);
    }
    return node != null && node.remove(path.get(path.size() - 1)) != null;
  }

  /** Makes {@code profile} the one in use; it must exist ({@code default} always does). */
  public void use(String profile) {
    checkProfileName(profile);
    if (!profiles.containsKey(profile) && !profile.equals(DEFAULT_PROFILE)) {
      throw unknown(profile, "settings use");
    }
    document.put(ACTIVE, profile);
  }

  private static void checkProfileName(String profile) {
    if (!PROFILE_NAME.matcher(profile).matches()) {
      throw InputException.at("--profile " + profile, "not a profile name (letters, digits, . _ -)");
    }
  }

  private Map<String, Object> profileNode(String profile, boolean create) {
    Map<String, Object> all = child(document, PROFILES, create);
    return all == null ? null : child(all, profile, create);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> child(Map<String, Object> parent, String key, boolean create) {
    Object c = parent.get(key);
    if (c instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    if (!create) {
      return null;
    }
    Map<String, Object> fresh = new LinkedHashMap<>();
    parent.put(key, fresh);
    return fresh;
  }

  /**
   * Writes the settings back: to a temporary file beside it (mode 0600 from its creation, so
   * nothing is ever readable by others), then renamed over it, so a reader never sees half a file.
   * A settings file that is a symbolic link (a dotfiles checkout) is written where it points.
   */
  public void write() {
    try {
      Path target = Files.isSymbolicLink(file) && Files.exists(file) ? file.toRealPath() : file;
      dev.scaffold.PrivateFiles.write(target, HEADER + YamlWriter.write(document));
    } catch (IOException e) {
      throw new OperationException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static final String HEADER = "# scaffold settings: `scaffold settings --help`. No secrets here: tokens stay in the environment.\n";

  /** The settings of {@code profile} as the file holds them, for {@code settings show}. */
  public Map<String, Object> shown(String profile) {
    Map<String, Object> node = profileNode(profile, false);
    return node == null ? Map.of() : node;
  }
}
