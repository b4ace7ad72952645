package dev.scaffold.update;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A template version rendered with a set of answers: where each output file's bytes are. Files the
 * template copies byte for byte are read from the template itself, so only rendered ({@code .ftl})
 * files are ever written out.
 *
 * @param files every output path (relative, {@code /}-separated) → the file holding its content,
 *     or null where the render was skipped because the other render is known to be the same
 * @param sources every output path → the template file it came from (for following renames: the
 *     same source rendered to a new path)
 */
public record RenderedTree(Map<String, Path> files, Map<String, String> sources) {

  public RenderedTree {
    files = Collections.unmodifiableMap(new LinkedHashMap<>(files)); // values may be null: not rendered
    sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
  }

  /** A tree whose every file lies under {@code root} at its own path. */
  public static RenderedTree under(Path root, Map<String, String> sources) {
    Map<String, Path> files = new LinkedHashMap<>();
    sources.keySet().forEach(p -> files.put(p, root.resolve(p)));
    return new RenderedTree(files, sources);
  }

  public boolean has(String path) {
    return files.containsKey(path);
  }

  public Path file(String path) {
    return files.get(path);
  }
}
