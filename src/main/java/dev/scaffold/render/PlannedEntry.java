package dev.scaffold.render;

import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * One folder or file of a render plan.
 *
 * @param path the output path, relative, {@code /}-separated, already rendered
 * @param source the template file it comes from (null for folders)
 * @param sourceName the source's path inside the template tree, for messages
 * @param permissions the source's POSIX permissions, or null where the file system has none
 */
public record PlannedEntry(
    String path, Kind kind, Path source, String sourceName, Set<PosixFilePermission> permissions) {

  /** What to do with an entry. */
  public enum Kind {
    DIRECTORY,
    /** render with FreeMarker (the source ends in {@code .ftl}) */
    RENDER,
    /** copy byte for byte */
    COPY
  }

  public boolean isFile() {
    return kind != Kind.DIRECTORY;
  }
}
