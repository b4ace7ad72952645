package dev.scaffold.update;

import java.nio.file.Path;
import java.util.List;

/**
 * Which repositories a fleet update covers: named ones ({@code --repo}), a file of names
 * ({@code --repos-file}) and an organisation's repositories with a topic ({@code --org} with
 * {@code --topic}); any mix.
 *
 * @param file one {@code OWNER/NAME} a line, {@code #} starts a comment; null when not given
 * @param org with {@code topic}, or both null
 */
public record RepoSelection(List<String> repos, Path file, String org, String topic) {

  public RepoSelection {
    repos = List.copyOf(repos);
  }

  /** Whether anything was selected, so the command runs as a fleet update. */
  public boolean isEmpty() {
    return repos.isEmpty() && file == null && org == null && topic == null;
  }
}
