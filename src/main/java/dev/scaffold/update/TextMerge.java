package dev.scaffold.update;

import java.util.List;

/**
 * Line-based three-way merge and two-way diff of text. Implemented with JGit in {@code
 * dev.scaffold.jgit}; the core formats conflicts itself, so it can write inline markers or
 * {@code .rej} hunks from the same result.
 */
public interface TextMerge {

  /**
   * One stretch of a merge result: text both sides agree on (or that only one side changed), or a
   * conflict where both changed the same lines differently.
   *
   * @param text the merged text; for a conflict, the text of ours
   * @param base for a conflict, the base's lines; else empty
   * @param theirs for a conflict, the text of theirs; else empty
   * @param baseLine for a conflict, the 0-based line in base where it starts
   * @param theirsLine for a conflict, the 0-based line in theirs where it starts
   */
  record Chunk(byte[] text, boolean conflict, byte[] base, byte[] theirs, int baseLine, int theirsLine) {

    public static Chunk resolved(byte[] text) {
      return new Chunk(text, false, new byte[0], new byte[0], -1, -1);
    }
  }

  /** Merges the change base→theirs into ours, line by line; bytes (line endings included) are kept. */
  List<Chunk> merge(byte[] base, byte[] ours, byte[] theirs);

  /**
   * The hunks of a unified diff from {@code a} to {@code b} (starting at the first {@code @@} line),
   * with {@code context} lines around each change; empty when they are equal.
   */
  String diff(byte[] a, byte[] b, int context);
}
