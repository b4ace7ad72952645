package dev.scaffold.update;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A template version rendered into a folder.
 *
 * @param root the folder holding the rendered files
 * @param sources every rendered file's path → the template file it came from (for following
 *     renames: the same source rendered to a new path)
 */
public record RenderedTree(Path root, Map<String, String> sources) {

  public RenderedTree {
    sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
  }

  public boolean has(String path) {
    return sources.containsKey(path);
  }
}
