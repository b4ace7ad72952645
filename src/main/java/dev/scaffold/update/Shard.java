package dev.scaffold.update;

import dev.scaffold.InputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;

/**
 * Share {@code k} of {@code n} of a fleet: a repository belongs to the share its {@code OWNER/NAME}
 * (in lower case) hashes to, so shards never overlap, every repository is in one, and a repository
 * keeps its shard whatever else the selection holds.
 */
public record Shard(int k, int n) {

  public static final Shard ALL = new Shard(1, 1);

  /** {@code K/N} with 1 ≤ K ≤ N. */
  public static Shard parse(String text) {
    String[] parts = text == null ? new String[0] : text.strip().split("/", -1);
    try {
      if (parts.length == 2) {
        int k = Integer.parseInt(parts[0]);
        int n = Integer.parseInt(parts[1]);
        if (n >= 1 && n <= 1000 && k >= 1 && k <= n) {
          return new Shard(k, n);
        }
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw InputException.at("--shard " + text, "expected K/N with 1 <= K <= N <= 1000, e.g. 2/4");
  }

  public boolean contains(String fullName) {
    return n == 1 || index(fullName, n) == k - 1;
  }

  public List<String> select(List<String> fullNames) {
    return fullNames.stream().filter(this::contains).toList();
  }

  /** SHA-256 of the name, its first eight bytes as an unsigned number, modulo {@code n}: the same on every machine. */
  static int index(String fullName, int n) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(fullName.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v = v << 8 | (h[i] & 0xff);
      }
      return (int) Long.remainderUnsigned(v, n);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
