package dev.scaffold.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A copy of one repository's state: {@code settings} holds the has_* and allow_* flags and merge
 * settings by their GitHub names, {@code teams} maps team slug to permission, {@code protections}
 * maps branch to the rule exactly as {@code GET .../protection} returns it, {@code gitDir} is the
 * bare repository on disk, {@code createdByApi} is false for repositories a test pre-created, and
 * {@code rulesets} maps name to the ruleset as {@code GET .../rulesets/{id}} returns it; {@code
 * secrets} holds each Actions secret as the sandbox decrypted it with the repository's secret key.
 */
public record RepoSnapshot(
    long id,
    String owner,
    String name,
    boolean isPrivate,
    String visibility,
    String description,
    String homepage,
    String defaultBranch,
    Map<String, Object> settings,
    List<String> topics,
    Map<String, String> teams,
    Map<String, String> collaborators,
    Map<String, String> invitations,
    Map<String, JsonNode> protections,
    List<PullSnapshot> pulls,
    Path gitDir,
    boolean createdByApi,
    Map<String, JsonNode> rulesets,
    Map<String, String> secrets,
    Map<String, String> variables,
    Map<String, JsonNode> environments) {

  public String fullName() {
    return owner + "/" + name;
  }
}
