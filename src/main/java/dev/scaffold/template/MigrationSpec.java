package dev.scaffold.template;

import java.util.List;

/**
 * A command a template version asks to run in a project that an update moves across that version.
 *
 * @param version the version it belongs to, as written; it runs when an update goes from below it to it or above
 * @param command argv; each element is FreeMarker rendered against the answers
 * @param when FreeMarker boolean, or null for always
 * @param stage before the merge writes anything, or after it
 * @param where {@code scaffold.yml:LINE}, for messages
 */
public record MigrationSpec(TemplateVersion version, List<String> command, String when, Stage stage, String where) {

  /** When a migration runs, relative to the update's merge. */
  public enum Stage {
    BEFORE,
    AFTER;

    public String yamlName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public MigrationSpec {
    command = List.copyOf(command);
  }
}
