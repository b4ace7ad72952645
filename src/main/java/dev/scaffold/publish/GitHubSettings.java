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
 * @param protection the rule for the default branch, or null for none
 * @param pullRequest the first pull request, or null to push everything to the default branch
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
    PullRequest pullRequest) {

  public static final Set<String> PERMISSIONS = Set.of("pull", "triage", "push", "maintain", "admin");
  public static final List<String> FLAGS = List.of(
      "allow_squash_merge", "allow_merge_commit", "allow_rebase_merge", "delete_branch_on_merge",
      "has_issues", "has_wiki", "has_projects");

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
      boolean linearHistory) {

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
    if (raw.get("protection") instanceof Map<?, ?> p) {
      Integer reviews = null;
      if (p.containsKey("required_approving_review_count")) {
        String v = e.text("protection.required_approving_review_count", p.get("required_approving_review_count"));
        try {
          reviews = Integer.parseInt(v);
          if (reviews < 0 || reviews > 6) {
            throw new NumberFormatException();
          }
        } catch (NumberFormatException x) {
          e.problems.add(Problem.at("scaffold.yml github.protection.required_approving_review_count",
              "must be a whole number from 0 to 6, not `" + v + "`"));
        }
      }
      List<String> checks = new ArrayList<>();
      if (p.get("required_status_checks") instanceof List<?> list) {
        for (int i = 0; i < list.size(); i++) {
          String c = e.text("protection.required_status_checks[" + i + "]", list.get(i));
          if (c != null && !c.isEmpty()) {
            checks.add(c);
          }
        }
      }
      boolean codeOwners = e.flag("protection.require_code_owner_reviews", p.get("require_code_owner_reviews"), false);
      boolean dismiss = e.flag("protection.dismiss_stale_reviews", p.get("dismiss_stale_reviews"), false);
      if (reviews == null && (codeOwners || dismiss)) {
        reviews = 1;
      }
      protection = new Protection(reviews, codeOwners, dismiss, List.copyOf(checks),
          e.flag("protection.strict", p.get("strict"), false),
          e.flag("protection.enforce_admins", p.get("enforce_admins"), false),
          e.flag("protection.required_linear_history", p.get("required_linear_history"), false));
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
    if (!e.problems.isEmpty()) {
      throw new InputException("the template's github settings are not valid for these answers", e.problems);
    }
    return new GitHubSettings(true, owner, name, visibility, emptyToNull(e.text("description", raw.get("description"))),
        emptyToNull(e.text("homepage", raw.get("homepage"))), List.copyOf(topics), teams, collaborators,
        defaultBranch, flags, protection, pr);
  }

  public static GitHubSettings disabled() {
    return new GitHubSettings(false, null, null, null, null, null, List.of(), Map.of(), Map.of(), "main", Map.of(), null, null);
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
