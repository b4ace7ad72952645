package dev.scaffold.answers;

/**
 * A text that fails to be read past a deadline. java.util.regex can backtrack for ever on a
 * pattern like {@code ^(a+)+$}, and it reads its input only through {@link #charAt}: checking the
 * clock there (every few hundred reads, which keeps it cheap) bounds a match by time without a
 * thread to stop it.
 */
final class TimedText implements CharSequence {

  /** Thrown when the deadline passed while the text was being read. */
  static final class Expired extends RuntimeException {
    Expired() {
      super("deadline passed", null, false, false);
    }
  }

  private final String text;
  private final long deadline;
  private int reads;

  /** @param deadline a {@link System#nanoTime()} value */
  TimedText(String text, long deadline) {
    this.text = text;
    this.deadline = deadline;
  }

  @Override
  public char charAt(int index) {
    if ((++reads & 0xFF) == 0 && System.nanoTime() - deadline > 0) {
      throw new Expired();
    }
    return text.charAt(index);
  }

  @Override
  public int length() {
    return text.length();
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return new TimedText(text.substring(start, end), deadline);
  }

  @Override
  public String toString() {
    return text;
  }
}
