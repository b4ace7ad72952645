package dev.scaffold.update;

import java.nio.file.Path;
import java.util.List;

/**
 * How a project differs from a fresh render of its recorded version and answers.
 *
 * @param changed files both have, with different content or mode
 * @param added files the project has and the render does not (tracked or untracked, not ignored)
 * @param removed files the render has and the project does not
 * @param patch a unified diff from the fresh render (a/) to the project (b/)
 */
public record DriftReport(
    Path project, String template, String version, List<String> changed, List<String> added, List<String> removed, String patch) {

  public DriftReport {
    changed = List.copyOf(changed);
    added = List.copyOf(added);
    removed = List.copyOf(removed);
  }

  public boolean clean() {
    return changed.isEmpty() && added.isEmpty() && removed.isEmpty();
  }
}
