package dev.scaffold.publish;

import dev.scaffold.Problem;
import java.util.List;
import java.util.Map;

/**
 * The pre-flight part for {@code github.security} and {@code github.custom_properties}: what the
 * owner's plan cannot have, and property values the organisation would refuse, found before the
 * repository exists rather than after it is half provisioned. One read (the property schema), and
 * only when the template sets custom properties.
 */
final class SecurityPreflight {

  /** Features of {@code security_and_analysis} that a repository which is not public gets only with Advanced Security. */
  static final List<String> ADVANCED = List.of("secret_scanning", "secret_scanning_push_protection");

  private SecurityPreflight() {}

  static void check(GitHubSettings s, RepoHost host, RepoHost.Owner owner, List<Problem> problems) {
    features(s, owner, problems);
    Map<String, Object> wanted = s.security().customProperties();
    if (wanted.isEmpty()) {
      return;
    }
    if (!owner.organization()) {
      problems.add(Problem.at("scaffold.yml github.custom_properties", owner.login() + " is a user account: custom"
          + " properties (" + String.join(", ", wanted.keySet()) + ") need an organisation"));
      return;
    }
    Map<String, RepoHost.PropertyDefinition> schema;
    try {
      schema = host.customPropertySchema(owner.login());
    } catch (RemoteFailure f) {
      if (f.retryable()) {
        throw f;
      }
      problems.add(Problem.at("scaffold.yml github.custom_properties", "cannot read the custom properties of "
          + owner.login() + " (" + f.getMessage() + "); a classic token needs the read:org scope"));
      return;
    }
    wanted.forEach((name, value) -> property(owner.login(), name, value, schema.get(name), problems));
  }

  /**
   * The plan is known only to the organisation's owners (and for one's own account); when it is
   * not shown, GitHub's answer to the step decides.
   */
  private static void features(GitHubSettings s, RepoHost.Owner owner, List<Problem> problems) {
    if (s.visibility().equals("public") || owner.plan() == null || owner.plan().equals("enterprise")) {
      return;
    }
    for (String f : ADVANCED) {
      if (Boolean.TRUE.equals(s.security().features().get(f))) {
        problems.add(Problem.at("scaffold.yml github.security." + f, f.replace('_', ' ') + " of a " + s.visibility()
            + " repository needs GitHub Advanced Security, and " + owner.login() + "'s plan (" + owner.plan()
            + ") does not include it: make the repository public, set it to false, or use an organisation on"
            + " GitHub Enterprise"));
      }
    }
  }

  private static void property(String org, String name, Object value, RepoHost.PropertyDefinition def,
      List<Problem> problems) {
    String where = "scaffold.yml github.custom_properties." + name;
    if (def == null) {
      problems.add(Problem.at(where, org + " defines no custom property " + name + " (or the token cannot see it)"));
      return;
    }
    if (value == null) {
      if (def.required()) {
        problems.add(Problem.at(where, "is required by " + org + " and cannot be unset"));
      }
      return;
    }
    List<?> values = value instanceof List<?> l ? l : List.of(value);
    boolean multi = def.valueType().equals("multi_select");
    if (value instanceof List<?> != multi) {
      // GitHub takes a multi-select's values as a list even when there is one, and any other type's as one text
      problems.add(Problem.at(where, "is a " + def.valueType() + " property of " + org + ": give "
          + (multi ? "a list of values" : "one value, not a list")));
      return;
    }
    List<String> allowed = def.valueType().equals("true_false") ? List.of("true", "false") : def.allowedValues();
    if (allowed.isEmpty()) {
      return;
    }
    for (Object v : values) {
      if (!allowed.contains(String.valueOf(v))) {
        problems.add(Problem.at(where, "\"" + v + "\" is not one of the values " + org + " allows ("
            + String.join(", ", allowed) + ")"));
      }
    }
  }
}
