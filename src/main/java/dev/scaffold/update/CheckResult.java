package dev.scaffold.update;

import java.nio.file.Path;
import java.util.List;

/**
 * Whether a project's template has a newer version.
 *
 * @param current the version the project records
 * @param newest the newest version available (a release, unless pre-releases were asked for)
 * @param versions every version tag, oldest first
 * @param ignoredTags tags that are not versions
 */
public record CheckResult(
    Path project,
    String template,
    String current,
    String newest,
    boolean updateAvailable,
    List<String> versions,
    List<String> ignoredTags) {

  public CheckResult {
    versions = List.copyOf(versions);
    ignoredTags = List.copyOf(ignoredTags);
  }
}
