package dev.scaffold.update;

import java.nio.file.Path;
import java.util.List;

/**
 * Template versions read straight from a git object database (the repository itself on this
 * machine, or a copy of a remote one): an update needs the bytes of a few files of each version,
 * not a checkout of every file. Implemented with JGit in {@code dev.scaffold.jgit}.
 */
public interface TemplateTrees {

  /**
   * Version {@code ref} (a tag, or null for the head) of a template repository, read from an object
   * database; writes nothing in the project.
   *
   * @return the version's tree, or null when it cannot be read this way
   */
  Tree tree(String url, String ref);

  /** One version's files, as the object database holds them. */
  interface Tree extends AutoCloseable {

    /** The commit id. */
    String commit();

    /** Every file (submodules left out, as a checkout leaves them), in no particular order. */
    List<Entry> files();

    /** A file's bytes; for a symbolic link, its target. Safe to call from several threads. */
    byte[] read(Entry e);

    /**
     * A test of a file's bytes that keeps nothing: {@code test} sees the first {@code length}
     * bytes of an array that may be reused once it returns, so a file looked at once (to see
     * whether it uses the render's context, say) leaves no copy behind.
     */
    default boolean test(Entry e, BytesTest test) {
      byte[] b = read(e);
      return test.test(b, b.length);
    }

    /**
     * Writes a sketch of the version into the empty folder {@code into}: its folders and its
     * top-level files, which is what reading {@code scaffold.yml} and checking the template tree
     * needs. {@link #complete} writes the rest, which then makes a full checkout.
     */
    void sketch(Path into);

    /** Writes every file {@link #sketch} left out into {@code into}: a full checkout. */
    void complete(Path into);

    /** Lets go of the repository. */
    @Override
    void close();
  }

  /** A test of the first {@code length} bytes of {@code bytes}, which it must not keep. */
  @FunctionalInterface
  interface BytesTest {
    boolean test(byte[] bytes, int length);
  }

  /** How git stores a file. */
  enum Mode {
    FILE,
    EXECUTABLE,
    SYMLINK
  }

  /**
   * @param path relative to the repository root, {@code /}-separated
   * @param id the object id; equal ids mean equal bytes
   */
  record Entry(String path, Mode mode, String id) {}
}
