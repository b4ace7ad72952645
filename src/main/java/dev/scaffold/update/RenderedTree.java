package dev.scaffold.update;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A template version rendered with a set of answers: where each output file's bytes are. Either in
 * files (files the template copies byte for byte are read from the template itself, so only
 * rendered ({@code .ftl}) files are ever written out), or in memory, read from the template's git
 * object database and rendered there, which writes nothing at all.
 *
 * <p>{@link #sources()}: every output path (relative, {@code /}-separated) → the template file it
 * came from (for following renames: the same source rendered to a new path). A path's content is
 * null where the render was skipped because the other render is known to be the same.
 */
public final class RenderedTree {

  /** A rendered file's bytes and mode, in a file or in memory. */
  public interface Content {

    long size() throws IOException;

    byte[] bytes() throws IOException;

    boolean executable() throws IOException;

    /**
     * Git's blob id of the bytes, or null when there is none: equal ids mean equal bytes, and two
     * different ids of one length (one hash) different bytes.
     */
    default String id() {
      return null;
    }

    /** The file holding the bytes, or null when they are in memory. */
    default Path file() {
      return null;
    }
  }

  /**
   * The content of a file on disk, with its mode as recorded where it is (a bundled template's
   * file in the jar keeps none), else as the file has it.
   */
  record FileContent(Path file, Boolean recordedExecutable) implements Content {

    FileContent(Path file) {
      this(file, null);
    }

    @Override
    public long size() throws IOException {
      return Files.size(file);
    }

    @Override
    public byte[] bytes() throws IOException {
      return Files.readAllBytes(file);
    }

    @Override
    public boolean executable() throws IOException {
      if (recordedExecutable != null) {
        return recordedExecutable;
      }
      PosixFileAttributeView v = Files.getFileAttributeView(file, PosixFileAttributeView.class);
      return v != null && v.readAttributes().permissions().contains(PosixFilePermission.OWNER_EXECUTE);
    }
  }

  /** Bytes in memory, with the mode of the template file they came from. */
  record Bytes(byte[] content, boolean isExecutable) implements Content {

    @Override
    public long size() {
      return content.length;
    }

    @Override
    public byte[] bytes() {
      return content;
    }

    @Override
    public boolean executable() {
      return isExecutable;
    }
  }

  private final Map<String, Content> contents;
  private final Map<String, String> sources;

  /**
   * @param files every output path → the file holding its content, or null where the render was
   *     skipped because the other render is known to be the same
   * @param sources every output path → the template file it came from
   */
  public RenderedTree(Map<String, Path> files, Map<String, String> sources) {
    Map<String, Content> c = new LinkedHashMap<>();
    files.forEach((p, f) -> c.put(p, f == null ? null : new FileContent(f)));
    this.contents = Collections.unmodifiableMap(c); // values may be null: not rendered
    this.sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
  }

  private RenderedTree(Map<String, Content> contents, Map<String, String> sources, boolean owned) {
    this.contents = Collections.unmodifiableMap(contents);
    this.sources = Collections.unmodifiableMap(sources);
  }

  /** A tree of contents (values may be null: not rendered); the maps are taken as they are. */
  static RenderedTree of(LinkedHashMap<String, Content> contents, LinkedHashMap<String, String> sources) {
    return new RenderedTree(contents, sources, true);
  }

  /** A tree whose every file lies under {@code root} at its own path. */
  public static RenderedTree under(Path root, Map<String, String> sources) {
    Map<String, Path> files = new LinkedHashMap<>();
    sources.keySet().forEach(p -> files.put(p, root.resolve(p)));
    return new RenderedTree(files, sources);
  }

  public Map<String, String> sources() {
    return sources;
  }

  public boolean has(String path) {
    return contents.containsKey(path);
  }

  /** The file holding a path's content, or null (not rendered, or held in memory). */
  public Path file(String path) {
    Content c = contents.get(path);
    return c == null ? null : c.file();
  }

  /** A path's content, or null where it was not rendered. */
  public Content content(String path) {
    return contents.get(path);
  }
}
