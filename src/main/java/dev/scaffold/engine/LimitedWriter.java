package dev.scaffold.engine;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Passes a render's output on while counting it against the per-file and the total limits; the
 * write that would pass one fails before anything of it is written.
 */
final class LimitedWriter extends Writer {

  /** Thrown by a write that would pass a limit; an IOException, so that FreeMarker passes it on untouched. */
  static final class LimitExceeded extends IOException {
    final boolean total;

    LimitExceeded(boolean total) {
      super(total ? "total output limit" : "file output limit");
      this.total = total;
    }
  }

  private final Writer out;
  private final long maxFile;
  private final AtomicLong total; // null: this output does not count towards the total
  private final long maxTotal;
  private long written;

  LimitedWriter(Writer out, long maxFile, AtomicLong total, long maxTotal) {
    this.out = out;
    this.maxFile = maxFile;
    this.total = total;
    this.maxTotal = maxTotal;
  }

  /** Counts {@code n} more characters, failing when a limit would be passed. */
  void count(long n) throws LimitExceeded {
    if (n > maxFile - written) {
      throw new LimitExceeded(false);
    }
    written += n;
    if (total != null && total.addAndGet(n) > maxTotal) {
      throw new LimitExceeded(true);
    }
  }

  @Override
  public void write(char[] cbuf, int off, int len) throws IOException {
    count(len);
    out.write(cbuf, off, len);
  }

  @Override
  public void write(String str, int off, int len) throws IOException {
    count(len);
    out.write(str, off, len);
  }

  @Override
  public void write(int c) throws IOException {
    count(1);
    out.write(c);
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
