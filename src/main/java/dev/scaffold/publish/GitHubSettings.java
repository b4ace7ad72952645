package dev.scaffold.publish;

import dev.scaffold.InputException;
import dev.scaffold.Problem;
import dev.scaffold.engine.TemplateEngine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The template's {@code github:} section evaluated against the answers: every value, and the keys
 * of {@code teams} and {@code collaborators}, may be a FreeMarker expression.
 *
 * @param settings merge and feature flags by their GitHub names ({@code allow_squash_merge}, ...)
 * @param protection the classic rule for the default branch, or null for none
 * @param pullRequest the first pull request, or null to push everything to the default branch
 * @param rulesets repository rulesets ({@code rulesets:}, and {@code protection} of {@code kind: ruleset})
 */
public record GitHubSettings(
    boolean enabled,
    String owner,
    String name,
    String visibility,
    String description,
    String homepage,
    List<String> topics,
    Map<String, String> teams,
    Map<String, String> collaborators,
    String defaultBranch,
    Map<String, Boolean> settings,
    Protection protection,
    PullRequest pullRequest,
    List<Ruleset> rulesets,
    Map<String, String> textSettings,
    Actions actions,
    Security security) {

  /**
   * Security features and custom properties: {@code features} maps {@link #SECURITY_FEATURES} to on
   * or off (only those the template names); {@code customProperties} maps a property the organisation
   * defines to text, a list of texts, or null to unset it.
   */
  public record Security(Map<String, Boolean> features, Map<String, Object> customProperties) {
    public static final Security NONE = new Security(Map.of(), Map.of());

    public boolean isEmpty() {
      return features.isEmpty() && customProperties.isEmpty();
    }
  }

  /** The security features {@code github.security} takes, in the order they are applied. */
  public static final List<String> SECURITY_FEATURES = List.of("dependabot_alerts", "dependabot_security_updates",
      "secret_scanning", "secret_scanning_push_protection");

  public GitHubSettings(boolean enabled, String owner, String name, String visibility, String description,
      String homepage, List<String> topics, Map<String, String> teams, Map<String, String> collaborators,
      String defaultBranch, Map<String, Boolean> settings, Protection protection, PullRequest pullRequest,
      List<Ruleset> rulesets, Map<String, String> textSettings, Actions actions) {
    this(enabled, owner, name, visibility, description, homepage, topics, teams, collaborators, defaultBranch, settings,
        protection, pullRequest, rulesets, textSettings, actions, Security.NONE);
  }

  /**
   * Actions configuration: {@code variables} name → value; {@code secrets} name → where the value is
   * read ({@code env} or {@code file}: never the template or the answers); {@code environments}.
   */
  public record Actions(Map<String, String> variables, Map<String, SecretSource> secrets,
      Map<String, Environment> environments) {

    public boolean isEmpty() {
      return variables.isEmpty() && secrets.isEmpty() && environments.isEmpty();
    }
  }

  /** Where a secret's value comes from: {@code kind} env (a variable's name) or file (a path). */
  public record SecretSource(String kind, String ref) {}

  /** A deployment environment: minutes to wait, and the users or teams who must approve. */
  public record Environment(Integer waitTimer, List<Actor> reviewers) {}

  public GitHubSettings(boolean enabled, String owner, String name, String visibility, String description,
      String homepage, List<String> topics, Map<String, String> teams, Map<String, String> collaborators,
      String defaultBranch, Map<String, Boolean> settings, Protection protection, PullRequest pullRequest,
      List<Ruleset> rulesets, Map<String, String> textSettings) {
    this(enabled, owner, name, visibility, description, homepage, topics, teams, collaborators, defaultBranch, settings,
        protection, pullRequest, rulesets, textSettings, new Actions(Map.of(), Map.of(), Map.of()));
  }

  public GitHubSettings(boolean enabled, String owner, String name, String visibility, String description,
      String homepage, List<String> topics, Map<String, String> teams, Map<String, String> collaborators,
      String defaultBranch, Map<String, Boolean> settings, Protection protection, PullRequest pullRequest) {
    this(enabled, owner, name, visibility, description, homepage, topics, teams, collaborators, defaultBranch, settings,
        protection, pullRequest, List.of(), Map.of());
  }

  /** The merge commit settings GitHub takes as words, with the words it accepts. */
  public static final Map<String, List<String>> TEXT_SETTINGS = Map.of(
      "squash_merge_commit_title", List.of("PR_TITLE", "COMMIT_OR_PR_TITLE"),
      "squash_merge_commit_message", List.of("PR_BODY", "COMMIT_MESSAGES", "BLANK"),
      "merge_commit_title", List.of("PR_TITLE", "MERGE_MESSAGE"),
      "merge_commit_message", List.of("PR_BODY", "PR_TITLE", "BLANK"));

  /**
   * Who may bypass a rule: {@code type} team, user (classic protection only), app (a slug for classic
   * protection, an integration id for rulesets) or role ({@code admin}, {@code maintain}, {@code write},
   * {@code org_admin}; rulesets only); {@code mode} {@code always} or {@code pull_request} (rulesets).
   */
  public record Actor(String type, String name, String mode) {}

  /**
   * A repository ruleset: its {@code rules} use the fields of {@link Protection}, where {@code
   * enforceAdmins} does not apply and force pushes and deletions are blocked unless allowed.
   *
   * @param target {@code branch} or {@code tag}
   * @param enforcement {@code active}, {@code evaluate} or {@code disabled}
   * @param include ref name patterns ({@code ~DEFAULT_BRANCH}, {@code ~ALL}, {@code release/*}, ...)
   */
  public record Ruleset(String name, String target, String enforcement, List<String> include, List<String> exclude,
      List<Actor> bypass, Protection rules) {}

  public static final Set<String> PERMISSIONS = Set.of("pull", "triage", "push", "maintain", "admin");
  public static final List<String> FLAGS = List.of(
      "allow_squash_merge", "allow_merge_commit", "allow_rebase_merge", "delete_branch_on_merge",
      "has_issues", "has_wiki", "has_projects", "allow_auto_merge", "allow_update_branch", "is_template",
      "web_commit_signoff_required");

  /**
   * Branch protection as GitHub's "update branch protection" call takes it.
   *
   * @param reviews approving reviews required, or null for no review rule
   * @param checks required status check contexts; empty for no check rule
   */
  public record Protection(
      Integer reviews,
      boolean codeOwnerReviews,
      boolean dismissStaleReviews,
      List<String> checks,
      boolean strict,
      boolean enforceAdmins,
      boolean linearHistory,
      boolean lastPushApproval,
      boolean conversationResolution,
      boolean signatures,
      boolean allowForcePushes,
      boolean allowDeletions,
      Map<String, Long> checkApps,
      List<Actor> bypass,
      List<Actor> restrictions) {

    public Protection(Integer reviews, boolean codeOwnerReviews, boolean dismissStaleReviews, List<String> checks,
        boolean strict, boolean enforceAdmins, boolean linearHistory) {
      this(reviews, codeOwnerReviews, dismissStaleReviews, checks, strict, enforceAdmins, linearHistory, false, false,
          false, false, false, Map.of(), List.of(), null);
    }

    public String describe() {
      List<String> parts = new ArrayList<>();
      if (reviews != null) {
        parts.add(reviews + " approving review(s)" + (codeOwnerReviews ? ", code owners" : "")
            + (dismissStaleReviews ? ", dismiss stale reviews" : ""));
      }
      if (!checks.isEmpty()) {
        parts.add("status checks " + String.join(", ", checks) + (strict ? " (strict)" : ""));
      }
      parts.add("enforce admins " + (enforceAdmins ? "on" : "off"));
      parts.add("linear history " + (linearHistory ? "on" : "off"));
      if (lastPushApproval) {
        parts.add("last-push approval");
      }
      if (conversationResolution) {
        parts.add("conversation resolution");
      }
      if (signatures) {
        parts.add("signed commits");
      }
      if (!bypass.isEmpty()) {
        parts.add("bypass " + bypass.stream().map(a -> a.type() + " " + a.name()).toList());
      }
      if (restrictions != null) {
        parts.add("push restricted to " + restrictions.stream().map(a -> a.type() + " " + a.name()).toList());
      }
      return String.join("; ", parts);
    }
  }

  /** The first pull request: from {@code branch} into the default branch. */
  public record PullRequest(String branch, String title, String body) {}

  public String fullName() {
    return owner + "/" + name;
  }

  /** Evaluates the raw {@code github:} map; all problems are reported at once. */
  public static GitHubSettings evaluate(Map<String, Object> raw, TemplateEngine engine, Map<String, Object> model) {
    Evaluator e = new Evaluator(engine, model);
    if (raw == null || raw.isEmpty() || !e.flag("enabled", raw.get("enabled"), true)) {
      return disabled();
    }
    String owner = e.text("owner", raw.get("owner"));
    String name = e.text("name", raw.get("name"));
    if (owner == null || owner.isEmpty()) {
      e.problems.add(Problem.at("scaffold.yml github.owner", "is required: the user or organisation to create the repository under"));
    }
    if (name == null || name.isEmpty()) {
      e.problems.add(Problem.at("scaffold.yml github.name", "is required: the repository's name"));
    }
    String visibility = orElse(e.text("visibility", raw.get("visibility")), "private").toLowerCase(Locale.ROOT);
    if (!Set.of("public", "private", "internal").contains(visibility)) {
      e.problems.add(Problem.at("scaffold.yml github.visibility", "must be public, private or internal, not `" + visibility + "`"));
    }
    List<String> topics = new ArrayList<>();
    if (raw.get("topics") instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        String t = e.text("topics[" + i + "]", list.get(i));
        if (t != null && !t.isEmpty() && !topics.contains(t.toLowerCase(Locale.ROOT))) {
          topics.add(t.toLowerCase(Locale.ROOT));
        }
      }
    }
    Map<String, String> teams = e.permissions("teams", raw.get("teams"));
    Map<String, String> collaborators = e.permissions("collaborators", raw.get("collaborators"));
    String defaultBranch = orElse(e.text("default_branch", raw.get("default_branch")), "main");
    Map<String, Boolean> flags = new LinkedHashMap<>();
    for (String f : FLAGS) {
      if (raw.containsKey(f) && raw.get(f) != null) {
        flags.put(f, e.flag(f, raw.get(f), false));
      }
    }
    Protection protection = null;
    List<Ruleset> rulesets = new ArrayList<>();
    if (raw.get("protection") instanceof Map<?, ?> p) {
      protection = protection(e, "protection", p);
      String kind = orElse(e.text("protection.kind", p.get("kind")), "classic");
      if (kind.equals("ruleset")) {
        rulesets.add(new Ruleset("default branch", "branch", "active", List.of("~DEFAULT_BRANCH"), List.of(),
            protection.bypass(), protection));
        protection = null;
      } else if (!kind.equals("classic")) {
        e.problems.add(Problem.at("scaffold.yml github.protection.kind", "must be classic or ruleset, not `" + kind + "`"));
      }
    }
    if (raw.get("rulesets") instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        String key = "rulesets[" + i + "]";
        if (!(list.get(i) instanceof Map<?, ?> m)) {
          e.problems.add(Problem.at("scaffold.yml github." + key, "must be a mapping"));
          continue;
        }
        rulesets.add(ruleset(e, key, m));
      }
    } else if (raw.get("rulesets") != null) {
      e.problems.add(Problem.at("scaffold.yml github.rulesets", "must be a list of rulesets"));
    }
    PullRequest pr = null;
    Object prRaw = raw.get("pull_request");
    if (prRaw instanceof Map<?, ?> m) {
      String branch = orElse(e.text("pull_request.branch", m.get("branch")), "scaffold/initial");
      String title = orElse(e.text("pull_request.title", m.get("title")), "Initial project");
      String body = orElse(e.text("pull_request.body", m.get("body")), "");
      if (branch.equals(defaultBranch)) {
        e.problems.add(Problem.at("scaffold.yml github.pull_request.branch", "must differ from the default branch " + defaultBranch));
      }
      pr = new PullRequest(branch, title, body.strip());
    } else if (prRaw == null || Boolean.TRUE.equals(prRaw)) {
      pr = new PullRequest("scaffold/initial", "Initial project", "");
    }
    Map<String, String> texts = texts(e, raw);
    Actions actions = actions(e, raw);
    Security security = security(e, raw);
    if (!e.problems.isEmpty()) {
      throw new InputException("the template's github settings are not valid for these answers", e.problems);
    }
    return new GitHubSettings(true, owner, name, visibility, emptyToNull(e.text("description", raw.get("description"))),
        emptyToNull(e.text("homepage", raw.get("homepage"))), List.copyOf(topics), teams, collaborators,
        defaultBranch, flags, protection, pr, List.copyOf(rulesets), texts, actions, security);
  }

  private static Security security(Evaluator e, Map<String, Object> raw) {
    Map<String, Boolean> features = new LinkedHashMap<>();
    Object sec = raw.get("security");
    if (sec instanceof Map<?, ?> m) {
      for (Object k : m.keySet()) {
        if (!SECURITY_FEATURES.contains(String.valueOf(k))) {
          e.problems.add(Problem.at("scaffold.yml github.security." + k, "is not a security feature scaffold sets ("
              + String.join(", ", SECURITY_FEATURES) + ")"));
        }
      }
      for (String f : SECURITY_FEATURES) {
        if (m.get(f) != null) {
          features.put(f, e.flag("security." + f, m.get(f), false));
        }
      }
      if (Boolean.TRUE.equals(features.get("dependabot_security_updates")) && Boolean.FALSE.equals(features.get("dependabot_alerts"))) {
        e.problems.add(Problem.at("scaffold.yml github.security.dependabot_security_updates", "needs dependabot_alerts"));
      }
      if (Boolean.TRUE.equals(features.get("secret_scanning_push_protection")) && Boolean.FALSE.equals(features.get("secret_scanning"))) {
        e.problems.add(Problem.at("scaffold.yml github.security.secret_scanning_push_protection", "needs secret_scanning"));
      }
    } else if (sec != null) {
      e.problems.add(Problem.at("scaffold.yml github.security", "must be a mapping of feature to true or false"));
    }
    Map<String, Object> properties = new java.util.TreeMap<>();
    Object props = raw.get("custom_properties");
    if (props instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> p : m.entrySet()) {
        String key = "custom_properties." + p.getKey();
        Object v = p.getValue();
        if (v instanceof List<?> list) {
          List<String> values = new ArrayList<>();
          for (int i = 0; i < list.size(); i++) {
            String t = e.text(key + "[" + i + "]", list.get(i));
            if (t != null && !t.isEmpty()) {
              values.add(t);
            }
          }
          properties.put(String.valueOf(p.getKey()), List.copyOf(values));
        } else if (v instanceof Map<?, ?>) {
          e.problems.add(Problem.at("scaffold.yml github." + key, "must be text, a list of texts, or null"));
        } else {
          // an expression that renders empty unsets the property, as null does
          properties.put(String.valueOf(p.getKey()), v == null ? null : emptyToNull(e.text(key, v)));
        }
      }
    } else if (props != null) {
      e.problems.add(Problem.at("scaffold.yml github.custom_properties", "must be a mapping of property name to value"));
    }
    return new Security(java.util.Collections.unmodifiableMap(features), java.util.Collections.unmodifiableMap(properties));
  }

  /** GitHub's rule for secret and variable names. */
  private static final java.util.regex.Pattern ACTIONS_NAME = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private static Actions actions(Evaluator e, Map<String, Object> raw) {
    Map<String, String> variables = new java.util.TreeMap<>();
    Map<String, SecretSource> secrets = new java.util.TreeMap<>();
    Map<String, Environment> environments = new java.util.TreeMap<>();
    if (raw.get("variables") instanceof Map<?, ?> m) {
      m.forEach((k, v) -> {
        String name = String.valueOf(k);
        if (checkName(e, "variables", name)) {
          String value = e.text("variables." + name, v);
          variables.put(name, value == null ? "" : value);
        }
      });
    } else if (raw.get("variables") != null) {
      e.problems.add(Problem.at("scaffold.yml github.variables", "must be a mapping of name to value"));
    }
    if (raw.get("secrets") instanceof Map<?, ?> m) {
      m.forEach((k, v) -> {
        String name = String.valueOf(k);
        if (!checkName(e, "secrets", name)) {
          return;
        }
        if (v instanceof Map<?, ?> src && src.size() == 1 && (src.containsKey("env") || src.containsKey("file"))) {
          String kind = src.containsKey("env") ? "env" : "file";
          String ref = e.text("secrets." + name + "." + kind, src.get(kind));
          if (ref == null || ref.isEmpty()) {
            e.problems.add(Problem.at("scaffold.yml github.secrets." + name + "." + kind, "is empty"));
          } else {
            secrets.put(name, new SecretSource(kind, ref));
          }
        } else {
          e.problems.add(Problem.at("scaffold.yml github.secrets." + name, "a secret's value is read from the environment"
              + " or a file, never written in the template: use {env: VARIABLE} or {file: PATH}"));
        }
      });
    } else if (raw.get("secrets") != null) {
      e.problems.add(Problem.at("scaffold.yml github.secrets", "must be a mapping of name to {env: VARIABLE} or {file: PATH}"));
    }
    if (raw.get("environments") instanceof Map<?, ?> m) {
      m.forEach((k, v) -> {
        String name = String.valueOf(k);
        Map<?, ?> env = v instanceof Map<?, ?> x ? x : Map.of();
        if (v != null && !(v instanceof Map)) {
          e.problems.add(Problem.at("scaffold.yml github.environments." + name, "must be a mapping"));
          return;
        }
        Integer wait = null;
        String w = e.text("environments." + name + ".wait_timer", env.get("wait_timer"));
        if (w != null && !w.isEmpty()) {
          try {
            wait = Integer.parseInt(w);
            if (wait < 0 || wait > 43200) {
              throw new NumberFormatException();
            }
          } catch (NumberFormatException x) {
            e.problems.add(Problem.at("scaffold.yml github.environments." + name + ".wait_timer",
                "must be minutes from 0 to 43200, not `" + w + "`"));
          }
        }
        List<Actor> reviewers = e.actors("environments." + name + ".reviewers", env.get("reviewers"));
        for (Actor a : reviewers) {
          if (!a.type().equals("user") && !a.type().equals("team")) {
            e.problems.add(Problem.at("scaffold.yml github.environments." + name + ".reviewers",
                "reviewers are users or teams, not " + a.type() + " " + a.name()));
          }
        }
        if (reviewers.size() > 6) {
          e.problems.add(Problem.at("scaffold.yml github.environments." + name + ".reviewers", "at most 6 reviewers"));
        }
        environments.put(name, new Environment(wait, reviewers));
      });
    } else if (raw.get("environments") != null) {
      e.problems.add(Problem.at("scaffold.yml github.environments", "must be a mapping of environment name to settings"));
    }
    return new Actions(Map.copyOf(variables), Map.copyOf(secrets), Map.copyOf(environments));
  }

  private static boolean checkName(Evaluator e, String key, String name) {
    if (ACTIONS_NAME.matcher(name).matches() && !name.toUpperCase(Locale.ROOT).startsWith("GITHUB_")) {
      return true;
    }
    e.problems.add(Problem.at("scaffold.yml github." + key + "." + name,
        "a name has letters, digits and _ only, does not start with a digit or GITHUB_"));
    return false;
  }

  private static Map<String, String> texts(Evaluator e, Map<String, Object> raw) {
    Map<String, String> out = new java.util.TreeMap<>();
    TEXT_SETTINGS.forEach((key, allowed) -> {
      String v = e.text(key, raw.get(key));
      if (v == null || v.isEmpty()) {
        return;
      }
      if (allowed.contains(v.toUpperCase(Locale.ROOT))) {
        out.put(key, v.toUpperCase(Locale.ROOT));
      } else {
        e.problems.add(Problem.at("scaffold.yml github." + key, "must be " + String.join(", ", allowed) + ", not `" + v + "`"));
      }
    });
    return Map.copyOf(out);
  }

  private static Ruleset ruleset(Evaluator e, String key, Map<?, ?> m) {
    String name = e.text(key + ".name", m.get("name"));
    if (name == null || name.isEmpty()) {
      e.problems.add(Problem.at("scaffold.yml github." + key + ".name", "is required"));
    }
    String target = orElse(e.text(key + ".target", m.get("target")), "branch");
    if (!Set.of("branch", "tag").contains(target)) {
      e.problems.add(Problem.at("scaffold.yml github." + key + ".target", "must be branch or tag, not `" + target + "`"));
    }
    String enforcement = orElse(e.text(key + ".enforcement", m.get("enforcement")), "active");
    if (!Set.of("active", "evaluate", "disabled").contains(enforcement)) {
      e.problems.add(Problem.at("scaffold.yml github." + key + ".enforcement",
          "must be active, evaluate or disabled, not `" + enforcement + "`"));
    }
    List<String> include = e.texts(key + ".include", m.get("include"));
    Protection rules = protection(e, key, m);
    for (Actor a : rules.bypass()) {
      if (a.type().equals("user")) {
        e.problems.add(Problem.at("scaffold.yml github." + key + ".bypass", "rulesets take teams, apps and roles, not user "
            + a.name()));
      }
      if (a.type().equals("app") && !a.name().matches("\\d+")) {
        e.problems.add(Problem.at("scaffold.yml github." + key + ".bypass", "a ruleset names an app by its integration id,"
            + " not `" + a.name() + "`"));
      }
    }
    return new Ruleset(name == null ? "" : name, target, enforcement,
        include.isEmpty() ? List.of(target.equals("branch") ? "~DEFAULT_BRANCH" : "~ALL") : include,
        e.texts(key + ".exclude", m.get("exclude")), rules.bypass(), rules);
  }

  /** The rule keys shared by {@code protection} and each ruleset. */
  private static Protection protection(Evaluator e, String key, Map<?, ?> p) {
    Integer reviews = null;
    if (p.containsKey("required_approving_review_count")) {
      String v = e.text(key + ".required_approving_review_count", p.get("required_approving_review_count"));
      try {
        reviews = Integer.parseInt(v);
        if (reviews < 0 || reviews > 10) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException x) {
        e.problems.add(Problem.at("scaffold.yml github." + key + ".required_approving_review_count",
            "must be a whole number from 0 to " + (key.equals("protection") ? 6 : 10) + ", not `" + v + "`"));
        reviews = null;
      }
      if (reviews != null && key.equals("protection") && reviews > 6) {
        e.problems.add(Problem.at("scaffold.yml github.protection.required_approving_review_count",
            "must be a whole number from 0 to 6, not `" + v + "`"));
      }
    }
    List<String> checks = new ArrayList<>();
    Map<String, Long> apps = new LinkedHashMap<>();
    if (p.get("required_status_checks") instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        String where = key + ".required_status_checks[" + i + "]";
        if (list.get(i) instanceof Map<?, ?> c) {
          String context = e.text(where + ".context", c.get("context"));
          String app = e.text(where + ".integration_id", c.get("integration_id"));
          if (context == null || context.isEmpty()) {
            e.problems.add(Problem.at("scaffold.yml github." + where + ".context", "is required"));
            continue;
          }
          checks.add(context);
          if (app != null && !app.isEmpty()) {
            if (app.matches("\\d{1,18}")) {
              apps.put(context, Long.parseLong(app));
            } else {
              e.problems.add(Problem.at("scaffold.yml github." + where + ".integration_id",
                  "must be a GitHub App's id (a number), not `" + app + "`"));
            }
          }
          continue;
        }
        String c = e.text(where, list.get(i));
        if (c != null && !c.isEmpty()) {
          checks.add(c);
        }
      }
    }
    boolean codeOwners = e.flag(key + ".require_code_owner_reviews", p.get("require_code_owner_reviews"), false);
    boolean dismiss = e.flag(key + ".dismiss_stale_reviews", p.get("dismiss_stale_reviews"), false);
    boolean lastPush = e.flag(key + ".require_last_push_approval", p.get("require_last_push_approval"), false);
    boolean conversations = e.flag(key + ".required_conversation_resolution", p.get("required_conversation_resolution"),
        false);
    if (reviews == null && (codeOwners || dismiss || lastPush)) {
      reviews = 1;
    }
    List<Actor> restrictions = null;
    if (p.containsKey("restrictions")) {
      restrictions = e.actors(key + ".restrictions", p.get("restrictions"));
    }
    return new Protection(reviews, codeOwners, dismiss, List.copyOf(checks),
        e.flag(key + ".strict", p.get("strict"), false),
        e.flag(key + ".enforce_admins", p.get("enforce_admins"), false),
        e.flag(key + ".required_linear_history", p.get("required_linear_history"), false),
        lastPush, conversations,
        e.flag(key + ".required_signatures", p.get("required_signatures"), false),
        e.flag(key + ".allow_force_pushes", p.get("allow_force_pushes"), false),
        e.flag(key + ".allow_deletions", p.get("allow_deletions"), false),
        Map.copyOf(apps), e.actors(key + ".bypass", p.get("bypass")), restrictions);
  }

  public static GitHubSettings disabled() {
    return new GitHubSettings(false, null, null, null, null, null, List.of(), Map.of(), Map.of(), "main", Map.of(), null, null,
        List.of(), Map.of(), new Actions(Map.of(), Map.of(), Map.of()));
  }

  private static String orElse(String v, String dflt) {
    return v == null || v.isEmpty() ? dflt : v;
  }

  private static String emptyToNull(String v) {
    return v == null || v.isEmpty() ? null : v;
  }

  private static final class Evaluator {
    final TemplateEngine engine;
    final Map<String, Object> model;
    final List<Problem> problems = new ArrayList<>();

    Evaluator(TemplateEngine engine, Map<String, Object> model) {
      this.engine = engine;
      this.model = model;
    }

    String text(String key, Object v) {
      if (v == null) {
        return null;
      }
      if (v instanceof Map || v instanceof List) {
        problems.add(Problem.at("scaffold.yml github." + key, "must be a single value"));
        return null;
      }
      try {
        return engine.expand(v.toString(), "scaffold.yml github." + key, model).strip();
      } catch (InputException x) {
        problems.addAll(x.problems().isEmpty() ? List.of(Problem.at("scaffold.yml github." + key, x.getMessage())) : x.problems());
        return null;
      }
    }

    boolean flag(String key, Object v, boolean dflt) {
      if (v == null) {
        return dflt;
      }
      if (v instanceof Boolean b) {
        return b;
      }
      String s = text(key, v);
      if (s == null || s.isEmpty()) {
        return dflt;
      }
      if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
        return Boolean.parseBoolean(s.toLowerCase(Locale.ROOT));
      }
      problems.add(Problem.at("scaffold.yml github." + key, "should be true or false, not `" + s + "`"));
      return dflt;
    }

    List<String> texts(String key, Object v) {
      List<String> out = new ArrayList<>();
      if (v == null) {
        return out;
      }
      if (!(v instanceof List<?> list)) {
        problems.add(Problem.at("scaffold.yml github." + key, "must be a list"));
        return out;
      }
      for (int i = 0; i < list.size(); i++) {
        String t = text(key + "[" + i + "]", list.get(i));
        if (t != null && !t.isEmpty()) {
          out.add(t);
        }
      }
      return List.copyOf(out);
    }

    /** A list of one-key mappings: {@code {team: slug}}, {@code {user: login}}, {@code {app: id}}, {@code {role: admin}}. */
    List<Actor> actors(String key, Object v) {
      List<Actor> out = new ArrayList<>();
      if (v == null) {
        return out;
      }
      if (!(v instanceof List<?> list)) {
        problems.add(Problem.at("scaffold.yml github." + key, "must be a list such as [{team: admins}, {app: 123}]"));
        return out;
      }
      for (int i = 0; i < list.size(); i++) {
        String where = key + "[" + i + "]";
        if (!(list.get(i) instanceof Map<?, ?> m)) {
          problems.add(Problem.at("scaffold.yml github." + where, "must be a mapping such as {team: admins}"));
          continue;
        }
        String mode = orElse(text(where + ".mode", m.get("mode")), "always");
        if (!Set.of("always", "pull_request").contains(mode)) {
          problems.add(Problem.at("scaffold.yml github." + where + ".mode", "must be always or pull_request, not `" + mode + "`"));
        }
        String type = null;
        for (String t : List.of("team", "user", "app", "role")) {
          if (m.containsKey(t)) {
            type = t;
          }
        }
        String name = type == null ? null : text(where + "." + type, m.get(type));
        if (type == null || name == null || name.isEmpty()) {
          problems.add(Problem.at("scaffold.yml github." + where, "must name a team, user, app or role"));
          continue;
        }
        if (type.equals("role") && !Set.of("admin", "maintain", "write", "org_admin").contains(name)) {
          problems.add(Problem.at("scaffold.yml github." + where + ".role",
              "must be admin, maintain, write or org_admin, not `" + name + "`"));
          continue;
        }
        out.add(new Actor(type, type.equals("team") ? name.toLowerCase(Locale.ROOT) : name, mode));
      }
      return List.copyOf(out);
    }

    Map<String, String> permissions(String key, Object v) {
      Map<String, String> out = new LinkedHashMap<>();
      if (!(v instanceof Map<?, ?> m)) {
        return out;
      }
      for (Map.Entry<?, ?> entry : m.entrySet()) {
        String who = text(key + " key " + entry.getKey(), entry.getKey());
        String perm = text(key + "." + entry.getKey(), entry.getValue());
        if (who == null || who.isEmpty()) {
          continue;
        }
        perm = perm == null ? "" : perm.toLowerCase(Locale.ROOT);
        if (!PERMISSIONS.contains(perm)) {
          problems.add(Problem.at("scaffold.yml github." + key + "." + who,
              "permission must be pull, triage, push, maintain or admin, not `" + perm + "`"));
          continue;
        }
        out.put(key.equals("teams") ? who.toLowerCase(Locale.ROOT) : who, perm);
      }
      return out;
    }
  }
}
