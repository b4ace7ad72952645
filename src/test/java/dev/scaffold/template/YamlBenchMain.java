package dev.scaffold.template;

import dev.scaffold.InputException;
import dev.scaffold.InputFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntFunction;

/**
 * Whether reading YAML stays linear: parse time of documents of 1 to 8 MiB (under the caps) in
 * three shapes, and the time to refuse a 50 MB file and a line of 8 Mi characters. Run by {@code scripts/bench-yaml}; prints
 * milliseconds per MiB, which stays flat when parsing is linear.
 */
public final class YamlBenchMain {

  private YamlBenchMain() {}

  public static void main(String[] args) throws Exception {
    long t0 = System.nanoTime();
    try {
      YamlDocument.parse("name: " + "x".repeat(8 << 20) + "\n", "one-line.yml");
    } catch (InputException e) {
      System.out.printf("8 Mi characters on one line refused in %.1f ms: %s%n", (System.nanoTime() - t0) / 1e6, e.getMessage());
    }
    bench("many keys", mib -> manyKeys(mib << 20));
    // the worst a document may hold: lines at the length cap, one plain scalar continued over them
    bench("long scalar", mib -> "name: x\n" + ("  " + "x".repeat(YamlLimits.MAX_LINE_CHARS - 2) + "\n").repeat(mib));
    bench("flow lists", mib -> flowLists(mib << 20));
    Path big = Files.createTempFile("scaffold-bench-", ".yml");
    try {
      Files.writeString(big, manyKeys(50_000_000));
      long t = System.nanoTime();
      try {
        InputFiles.readText(big, "big.yml");
        System.out.println("50 MB: not refused!");
      } catch (InputException e) {
        System.out.printf("50 MB file of keys refused in %.1f ms: %s%n", (System.nanoTime() - t) / 1e6, e.getMessage());
      }
    } finally {
      Files.delete(big);
    }
  }

  private static void bench(String shape, IntFunction<String> doc) {
    for (int round = 0; round < 2; round++) { // the first round warms the JIT
      StringBuilder line = new StringBuilder(String.format("%-16s", shape));
      for (int mib = 1; mib <= 8; mib *= 2) {
        String text = doc.apply(mib);
        long t = System.nanoTime();
        YamlDocument.parse(text, "bench.yml");
        double ms = (System.nanoTime() - t) / 1e6;
        line.append(String.format("  %d MiB %6.0f ms (%4.0f ms/MiB)", mib, ms, ms / mib));
      }
      if (round == 1) {
        System.out.println(line);
      }
    }
  }

  private static String manyKeys(int size) {
    StringBuilder b = new StringBuilder(size + 64);
    for (int i = 0; b.length() < size; i++) {
      b.append("key").append(i).append(": value").append(i).append('\n');
    }
    return b.toString();
  }

  /** Flow lists nested a few levels, side by side: the nesting cap never stops these. */
  private static String flowLists(int size) {
    StringBuilder b = new StringBuilder(size + 64);
    for (int i = 0; b.length() < size; i++) {
      b.append('k').append(i).append(": [a, [b, [c, {d: ").append(i).append("}]], e]\n");
    }
    return b.toString();
  }
}
