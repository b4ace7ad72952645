package dev.scaffold.jgit;

import dev.scaffold.OperationException;
import dev.scaffold.update.TextMerge;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.HistogramDiff;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.merge.MergeAlgorithm;
import org.eclipse.jgit.merge.MergeChunk;
import org.eclipse.jgit.merge.MergeResult;

/** {@link TextMerge} on JGit's {@link MergeAlgorithm} (histogram diff) and {@link DiffFormatter}. */
public final class JGitTextMerge implements TextMerge {

  private static final DiffAlgorithm DIFF = new HistogramDiff();

  @Override
  public List<Chunk> merge(byte[] base, byte[] ours, byte[] theirs) {
    Lines b = new Lines(base);
    Lines o = new Lines(ours);
    Lines t = new Lines(theirs);
    MergeResult<RawText> r = new MergeAlgorithm(DIFF).merge(RawTextComparator.DEFAULT, b, o, t);
    List<Lines> seqs = List.of(b, o, t);
    List<Chunk> out = new ArrayList<>();
    // sized for a clean merge, whose text is exactly ours with theirs' changes: base + both changes
    Resolved resolved = new Resolved(Math.max(0, ours.length + theirs.length - base.length));
    byte[][] conflict = null; // base, ours, theirs of the conflict being read
    int[] starts = null;
    for (MergeChunk c : r) {
      Lines seq = seqs.get(c.getSequenceIndex());
      if (c.getConflictState() == MergeChunk.ConflictState.NO_CONFLICT) {
        if (conflict != null) {
          out.add(new Chunk(conflict[1], true, conflict[0], conflict[2], starts[0], starts[2]));
          conflict = null;
        }
        seq.writeTo(resolved, c.getBegin(), c.getEnd());
        continue;
      }
      byte[] bytes = seq.bytes(c.getBegin(), c.getEnd());
      if (c.getConflictState() == MergeChunk.ConflictState.FIRST_CONFLICTING_RANGE) {
        if (resolved.size() > 0) {
          out.add(Chunk.resolved(resolved.take()));
          resolved.reset();
        }
        if (conflict != null) {
          out.add(new Chunk(conflict[1], true, conflict[0], conflict[2], starts[0], starts[2]));
        }
        conflict = new byte[][] {new byte[0], new byte[0], new byte[0]};
        starts = new int[] {0, 0, 0};
      }
      if (conflict != null) {
        conflict[c.getSequenceIndex()] = bytes;
        starts[c.getSequenceIndex()] = c.getBegin();
      }
    }
    if (conflict != null) {
      out.add(new Chunk(conflict[1], true, conflict[0], conflict[2], starts[0], starts[2]));
    }
    if (resolved.size() > 0) {
      out.add(Chunk.resolved(resolved.take()));
    }
    return out;
  }

  @Override
  public String diff(byte[] a, byte[] b, int context) {
    Lines ra = new Lines(a);
    Lines rb = new Lines(b);
    EditList edits = DIFF.diff(RawTextComparator.DEFAULT, ra, rb);
    if (edits.isEmpty()) {
      return "";
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DiffFormatter f = new DiffFormatter(out)) {
      f.setContext(context);
      f.format(edits, ra, rb);
      f.flush();
    } catch (IOException e) {
      throw new OperationException("cannot format a diff: " + e.getMessage(), e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The resolved text so far, handed over without a copy when it filled its buffer exactly. */
  private static final class Resolved extends ByteArrayOutputStream {

    Resolved(int size) {
      super(size);
    }

    byte[] take() {
      if (count == buf.length) {
        byte[] whole = buf;
        buf = new byte[0];
        count = 0;
        return whole;
      }
      return toByteArray();
    }
  }

  /** Raw text that hands out the exact bytes of a range of lines, line endings included. */
  private static final class Lines extends RawText {

    Lines(byte[] content) {
      super(content);
    }

    byte[] bytes(int beginLine, int endLine) {
      if (beginLine >= endLine) {
        return new byte[0];
      }
      // lines holds a sentinel at 0, then the start of each line, then the content's length
      int from = lines.get(beginLine + 1);
      int to = lines.get(endLine + 1);
      return Arrays.copyOfRange(content, from, to);
    }

    /** The range's bytes, as {@link #bytes}, written out without a copy of their own. */
    void writeTo(ByteArrayOutputStream out, int beginLine, int endLine) {
      if (beginLine < endLine) {
        int from = lines.get(beginLine + 1);
        out.write(content, from, lines.get(endLine + 1) - from);
      }
    }
  }
}
