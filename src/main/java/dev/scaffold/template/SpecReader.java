package dev.scaffold.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scaffold.InputException;
import dev.scaffold.Problem;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads {@code scaffold.yml} into a {@link TemplateSpec}. Every unknown key and wrong shape is
 * reported with its file and line, all at once. The accepted keys are those of {@code
 * schema/scaffold.schema.json}; a test keeps the two in agreement.
 */
public final class SpecReader {

  public static final Set<String> TOP_KEYS =
      Set.of(
          "name", "description", "subdirectory", "syntax", "min_scaffold_version", "destination",
          "questions", "computed", "summary", "exclude", "skip_if_exists", "github", "tasks",
          "answers_file", "message_after_new", "message_after_update", "test_command", "migrations");
  public static final Set<String> QUESTION_KEYS =
      Set.of(
          "name", "prompt", "help", "type", "default", "validate", "required", "when", "choices",
          "min", "max");
  public static final Set<String> TASK_KEYS = Set.of("command", "when", "directory");
  public static final Set<String> MIGRATION_KEYS = Set.of("version", "command", "when", "stage");
  public static final Set<String> GITHUB_KEYS =
      Set.of(
          "enabled", "owner", "name", "visibility", "description", "homepage", "topics", "teams",
          "collaborators", "default_branch", "allow_squash_merge", "allow_merge_commit",
          "allow_rebase_merge", "delete_branch_on_merge", "has_issues", "has_wiki",
          "has_projects", "protection", "pull_request", "rulesets", "allow_auto_merge", "allow_update_branch",
          "is_template", "web_commit_signoff_required", "squash_merge_commit_title", "squash_merge_commit_message",
          "merge_commit_title", "merge_commit_message", "variables", "secrets", "environments", "security",
          "custom_properties");
  /** Rule keys shared by {@code protection} and each of {@code rulesets}. */
  private static final Set<String> RULE_KEYS =
      Set.of(
          "required_approving_review_count", "require_code_owner_reviews", "dismiss_stale_reviews",
          "required_status_checks", "strict", "required_linear_history", "require_last_push_approval",
          "required_conversation_resolution", "required_signatures", "allow_force_pushes", "allow_deletions", "bypass");
  public static final Set<String> PROTECTION_KEYS = union(RULE_KEYS, Set.of("enforce_admins", "restrictions", "kind"));
  public static final Set<String> RULESET_KEYS =
      union(RULE_KEYS, Set.of("name", "target", "enforcement", "include", "exclude"));
  public static final Set<String> PULL_REQUEST_KEYS = Set.of("branch", "title", "body");

  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  private static Set<String> union(Set<String> a, Set<String> b) {
    java.util.Set<String> out = new java.util.HashSet<>(a);
    out.addAll(b);
    return Set.copyOf(out);
  }

  private final YamlDocument doc;
  private final List<Problem> problems = new ArrayList<>();
  private final Map<String, String> locations = new java.util.HashMap<>();

  private SpecReader(YamlDocument doc) {
    this.doc = doc;
  }

  /** Parses the text of a {@code scaffold.yml}; {@code displayName} is used in messages. */
  public static TemplateSpec read(String text, String displayName) {
    return new SpecReader(YamlDocument.parse(text, displayName)).read();
  }

  private TemplateSpec read() {
    JsonNode root = doc.root();
    if (root == null || !root.isObject()) {
      throw InputException.at(doc.displayName(), "must be a YAML mapping with at least `name`");
    }
    unknownKeys(root, "", TOP_KEYS);
    String name = text(root, "", "name", true);
    if (name != null && !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      problem("/name", "`name` must be letters, digits, '.', '_' or '-'");
    }
    String description = text(root, "", "description", false);
    String subdirectory = text(root, "", "subdirectory", false);
    if (subdirectory == null) {
      subdirectory = "template";
    } else if (subdirectory.startsWith("/") || subdirectory.contains("..")) {
      problem("/subdirectory", "`subdirectory` must be a relative path inside the template");
    }
    Syntax syntax = Syntax.ANGLE;
    String syntaxName = text(root, "", "syntax", false);
    if (syntaxName != null) {
      switch (syntaxName) {
        case "square" -> syntax = Syntax.SQUARE;
        case "angle", "default" -> syntax = Syntax.ANGLE;
        default -> problem("/syntax", "`syntax` must be `square` or `angle`, not `" + syntaxName + "`");
      }
    }
    String minVersion = text(root, "", "min_scaffold_version", false);
    String destination = text(root, "", "destination", false);
    List<Question> questions = questions(root.get("questions"));
    Map<String, String> computed = computed(root.get("computed"));
    for (String key : computed.keySet()) {
      if (questions.stream().anyMatch(q -> q.name().equals(key))) {
        problem("/computed/" + key, "`" + key + "` is both a question and a computed value");
      }
    }
    Map<String, String> summary = summary(root.get("summary"));
    List<String> exclude = stringList(root, "", "exclude");
    List<String> skipIfExists = stringList(root, "", "skip_if_exists");
    Map<String, Object> github = github(root.get("github"));
    List<TaskSpec> tasks = tasks(root.get("tasks"));
    String answersFile = text(root, "", "answers_file", false);
    if (answersFile != null) {
      String bad = answersFileProblem(answersFile);
      if (bad != null) {
        problem("/answers_file", "`answers_file` " + bad);
      }
    }
    TemplateSpec.Messages messages = new TemplateSpec.Messages(
        text(root, "", "message_after_new", false), text(root, "", "message_after_update", false));
    List<String> testCommand = testCommand(root.get("test_command"));
    List<MigrationSpec> migrations = migrations(root.get("migrations"));
    if (!problems.isEmpty()) {
      throw new InputException(
          doc.displayName() + " is not a valid template description", problems);
    }
    return new TemplateSpec(
        name, description, subdirectory, syntax, minVersion, destination, questions, computed,
        summary, exclude, skipIfExists, github, tasks, answersFile, messages, testCommand, migrations, locations);
  }

  /**
   * Why a path cannot be an answers file ({@code answers_file}, {@code --answers-file}), or null:
   * it must stay inside the project and out of {@code .git}, since update writes it.
   */
  public static String answersFileProblem(String path) {
    if (path.isBlank() || path.startsWith("/") || path.startsWith("\\") || path.matches("^[A-Za-z]:.*")) {
      return "must be a relative path inside the project, not `" + path + "`";
    }
    if (path.contains("\\") || path.chars().anyMatch(Character::isISOControl)) {
      return "must use `/` between folders and hold no control characters";
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return "must be a plain relative path (no `..`, `.` or empty parts), not `" + path + "`";
      }
      if (dev.scaffold.render.DotGit.names(segment)) {
        return "must not point into `.git`";
      }
    }
    return null;
  }

  /** {@code test_command}: argv, as tasks have it, run without a shell by {@code template test --build}. */
  private List<String> testCommand(JsonNode node) {
    List<String> argv = new ArrayList<>();
    if (node == null || node.isNull()) {
      return argv;
    }
    if (!node.isArray() || node.isEmpty()) {
      problem("/test_command", "`test_command` must be a non-empty list (argv form, run without a shell), such as [mvn, -B, verify]");
      return argv;
    }
    for (int i = 0; i < node.size(); i++) {
      if (!node.get(i).isValueNode() || node.get(i).isNull()) {
        problem("/test_command/" + i, "each word of `test_command` must be text");
      } else {
        argv.add(node.get(i).asText());
      }
    }
    return argv;
  }

  private List<Question> questions(JsonNode node) {
    List<Question> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isArray()) {
      problem("/questions", "`questions` must be a list");
      return out;
    }
    Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < node.size(); i++) {
      String at = "/questions/" + i;
      JsonNode q = node.get(i);
      if (!q.isObject()) {
        problem(at, "each question must be a mapping with at least `name`");
        continue;
      }
      unknownKeys(q, at, QUESTION_KEYS);
      String name = text(q, at, "name", true);
      if (name == null) {
        continue;
      }
      if (!NAME.matcher(name).matches()) {
        problem(at + "/name", "question name `" + name + "` must be letters, digits and _, starting with a letter");
      }
      if (!seen.add(name)) {
        problem(at + "/name", "question `" + name + "` is defined twice");
      }
      QuestionType type = QuestionType.TEXT;
      String typeName = text(q, at, "type", false);
      if (typeName != null) {
        try {
          type = QuestionType.fromYaml(typeName);
        } catch (IllegalArgumentException e) {
          problem(at + "/type", "question `" + name + "`: unknown type `" + typeName
              + "` (text, int, number, bool, choice, multi, secret)");
        }
      }
      List<Choice> choices = choices(q.get("choices"), at + "/choices");
      JsonNode choicesNode = q.get("choices");
      String choicesExpression = choicesNode != null && choicesNode.isTextual() ? choicesNode.asText() : null;
      if ((type == QuestionType.CHOICE || type == QuestionType.MULTI) && choices.isEmpty() && choicesExpression == null) {
        problem(at, "question `" + name + "` of type " + type.yamlName() + " needs `choices`");
      }
      String validate = text(q, at, "validate", false);
      if (validate != null && !validate.contains("${")) {
        try {
          Pattern.compile(validate);
        } catch (PatternSyntaxException e) {
          problem(at + "/validate", "question `" + name + "`: `validate` is not a valid regular expression: " + e.getDescription());
        }
      }
      Boolean required = bool(q, at, "required");
      Object def = scalarOrList(q.get("default"), at + "/default");
      out.add(
          new Question(
              name,
              text(q, at, "prompt", false),
              text(q, at, "help", false),
              type,
              def,
              validate,
              required == null ? !(q.has("default")) : required,
              when(q, at),
              choices,
              choicesExpression,
              integer(q, at, "min"),
              integer(q, at, "max")));
    }
    return out;
  }

  private List<Choice> choices(JsonNode node, String at) {
    if (node != null && node.isTextual()) {
      return List.of(); // an expression: rendered when the question comes up
    }
    try {
      return ChoiceReader.read(node);
    } catch (IllegalArgumentException e) {
      problem(at, e.getMessage());
      return List.of();
    }
  }

  /** A question's {@code when}: YAML null ({@code when: ~}) is false, as copier casts it; absent is always. */
  private String when(JsonNode q, String at) {
    JsonNode v = q.get("when");
    if (v != null && v.isNull()) {
      return "false";
    }
    return text(q, at, "when", false);
  }

  private Map<String, String> computed(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isObject()) {
      problem("/computed", "`computed` must be a mapping of name to FreeMarker text");
      return out;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!NAME.matcher(e.getKey()).matches()) {
        problem("/computed/" + e.getKey(), "computed name `" + e.getKey() + "` must be letters, digits and _");
      }
      if (!e.getValue().isValueNode()) {
        problem("/computed/" + e.getKey(), "computed `" + e.getKey() + "` must be text");
      } else {
        out.put(e.getKey(), e.getValue().asText());
      }
    }
    return out;
  }

  private Map<String, String> summary(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isObject()) {
      problem("/summary", "`summary` must be a mapping of label to FreeMarker text");
      return out;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().isBlank()) {
        problem("/summary", "a `summary` label must not be empty");
      } else if (!e.getValue().isValueNode() || e.getValue().isNull()) {
        problem("/summary/" + e.getKey(), "summary `" + e.getKey() + "` must be text");
      } else {
        out.put(e.getKey(), e.getValue().asText());
      }
    }
    return out;
  }

  private Map<String, Object> github(JsonNode node) {
    if (node == null || node.isNull()) {
      return Map.of();
    }
    if (!node.isObject()) {
      problem("/github", "`github` must be a mapping");
      return Map.of();
    }
    unknownKeys(node, "/github", GITHUB_KEYS);
    JsonNode protection = node.get("protection");
    if (protection != null && protection.isObject()) {
      unknownKeys(protection, "/github/protection", PROTECTION_KEYS);
    } else if (protection != null && !protection.isBoolean() && !protection.isNull()) {
      problem("/github/protection", "`protection` must be a mapping, or false");
    }
    JsonNode rulesets = node.get("rulesets");
    if (rulesets != null && rulesets.isArray()) {
      for (int i = 0; i < rulesets.size(); i++) {
        if (rulesets.get(i).isObject()) {
          unknownKeys(rulesets.get(i), "/github/rulesets/" + i, RULESET_KEYS);
        } else {
          problem("/github/rulesets/" + i, "each ruleset must be a mapping");
        }
      }
    } else if (rulesets != null && !rulesets.isNull()) {
      problem("/github/rulesets", "`rulesets` must be a list");
    }
    JsonNode pr = node.get("pull_request");
    if (pr != null && pr.isObject()) {
      unknownKeys(pr, "/github/pull_request", PULL_REQUEST_KEYS);
    } else if (pr != null && !pr.isBoolean() && !pr.isNull()) {
      problem("/github/pull_request", "`pull_request` must be a mapping, or false");
    }
    for (String mapKey : List.of("teams", "collaborators")) {
      JsonNode m = node.get(mapKey);
      if (m != null && !m.isNull() && !m.isObject()) {
        problem("/github/" + mapKey, "`" + mapKey + "` must be a mapping of name to permission");
      }
    }
    JsonNode topics = node.get("topics");
    if (topics != null && !topics.isNull() && !topics.isArray()) {
      problem("/github/topics", "`topics` must be a list");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> raw = (Map<String, Object>) YamlDocument.toJava(node);
    return raw;
  }

  private List<TaskSpec> tasks(JsonNode node) {
    List<TaskSpec> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isArray()) {
      problem("/tasks", "`tasks` must be a list");
      return out;
    }
    for (int i = 0; i < node.size(); i++) {
      String at = "/tasks/" + i;
      JsonNode t = node.get(i);
      if (!t.isObject()) {
        problem(at, "each task must be a mapping with `command`");
        continue;
      }
      unknownKeys(t, at, TASK_KEYS);
      JsonNode cmd = t.get("command");
      List<String> argv = new ArrayList<>();
      if (cmd != null && cmd.isArray() && cmd.size() > 0) {
        cmd.forEach(c -> argv.add(c.asText()));
      } else {
        problem(at + "/command", "`command` must be a non-empty list (argv form, run without a shell)");
        continue;
      }
      String dir = text(t, at, "directory", false);
      if (dir != null && (dir.startsWith("/") || dir.contains(".."))) {
        problem(at + "/directory", "`directory` must be a relative path inside the project");
      }
      out.add(new TaskSpec(argv, text(t, at, "when", false), dir));
    }
    return out;
  }

  /** {@code migrations}: commands tied to a version, in the order written (an update sorts them by version). */
  private List<MigrationSpec> migrations(JsonNode node) {
    List<MigrationSpec> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isArray()) {
      problem("/migrations", "`migrations` must be a list");
      return out;
    }
    for (int i = 0; i < node.size(); i++) {
      String at = "/migrations/" + i;
      JsonNode m = node.get(i);
      if (!m.isObject()) {
        problem(at, "each migration must be a mapping with `version` and `command`");
        continue;
      }
      unknownKeys(m, at, MIGRATION_KEYS);
      String versionText = text(m, at, "version", true);
      TemplateVersion version = null;
      if (versionText != null) {
        version = TemplateVersion.parse(versionText).orElse(null);
        if (version == null) {
          problem(at + "/version", "migration `version` `" + versionText + "` is not a version (such as 2.0.0)");
        }
      }
      JsonNode cmd = m.get("command");
      List<String> argv = new ArrayList<>();
      if (cmd != null && cmd.isArray() && cmd.size() > 0) {
        cmd.forEach(c -> argv.add(c.asText()));
      } else {
        problem(at + "/command", "`command` must be a non-empty list (argv form, run without a shell)");
      }
      MigrationSpec.Stage stage = MigrationSpec.Stage.AFTER;
      String stageName = text(m, at, "stage", false);
      if (stageName != null) {
        switch (stageName) {
          case "before" -> stage = MigrationSpec.Stage.BEFORE;
          case "after" -> stage = MigrationSpec.Stage.AFTER;
          default -> problem(at + "/stage", "migration `stage` must be `before` or `after`, not `" + stageName + "`");
        }
      }
      if (version != null && !argv.isEmpty()) {
        out.add(new MigrationSpec(version, argv, text(m, at, "when", false), stage, doc.where(at)));
      }
    }
    return out;
  }

  private void unknownKeys(JsonNode node, String at, Set<String> allowed) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!allowed.contains(key)) {
        problem(at + "/" + key, "unknown key `" + key + "`" + (at.isEmpty() ? "" : " in " + at.substring(1).replace('/', '.')));
      }
    }
  }

  private String text(JsonNode node, String at, String key, boolean required) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      if (required) {
        problem(at.isEmpty() ? "" : at, "`" + key + "` is required");
      }
      return null;
    }
    if (!v.isValueNode()) {
      problem(at + "/" + key, "`" + key + "` must be text");
      return null;
    }
    return v.asText();
  }

  private Boolean bool(JsonNode node, String at, String key) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isBoolean()) {
      problem(at + "/" + key, "`" + key + "` must be true or false");
      return null;
    }
    return v.booleanValue();
  }

  private Integer integer(JsonNode node, String at, String key) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isIntegralNumber()) {
      problem(at + "/" + key, "`" + key + "` must be a whole number");
      return null;
    }
    if (!v.canConvertToInt()) {
      // intValue() would wrap it into a different number
      problem(at + "/" + key, "`" + key + "` must be a whole number between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE);
      return null;
    }
    return v.intValue();
  }

  private List<String> stringList(JsonNode node, String at, String key) {
    JsonNode v = node.get(key);
    List<String> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (!v.isArray()) {
      problem(at + "/" + key, "`" + key + "` must be a list of globs");
      return out;
    }
    for (int i = 0; i < v.size(); i++) {
      JsonNode s = v.get(i);
      String pointer = at + "/" + key + "/" + i;
      if (!s.isValueNode() || s.isNull()) {
        problem(pointer, "each `" + key + "` entry must be a glob (text)");
        continue;
      }
      locations.put(pointer, doc.where(pointer));
      out.add(s.asText());
    }
    return out;
  }

  private Object scalarOrList(JsonNode node, String at) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isArray()) {
      List<Object> out = new ArrayList<>();
      node.forEach(n -> out.add(scalar(n)));
      return out;
    }
    if (!node.isValueNode()) {
      problem(at, "`default` must be a value or a list");
      return null;
    }
    return scalar(node);
  }

  static Object scalar(JsonNode n) {
    return YamlDocument.plainValue(n);
  }

  private void problem(String pointer, String what) {
    problems.add(Problem.at(doc.where(pointer), what));
  }
}
