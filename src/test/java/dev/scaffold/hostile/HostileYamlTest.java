package dev.scaffold.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.testing.Cli;
import dev.scaffold.testing.FileTree;
import dev.scaffold.testing.TreeSnapshot;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken and hostile YAML (in {@code scaffold.yml} and {@code --answers}), hostile numbers and
 * answers paths that are not files: each an exit-2 error naming the file and line, key or limit,
 * and nothing written.
 */
class HostileYamlTest {

  private static final String SPEC = """
      name: demo
      questions:
        - name: name
          default: demo
        - name: port
          type: int
          default: 8080
        - name: ratio
          type: number
          default: 0.5
      """;

  @TempDir Path dir;
  private TreeSnapshot before;

  @BeforeEach
  void template() {
    FileTree.write(dir, Map.of("tpl/scaffold.yml", SPEC, "tpl/template/README.md.ftl", "${name} ${port} ${ratio}\n"));
    before = TreeSnapshot.of(dir);
  }

  /** Runs {@code scaffold new tpl out} with the extra arguments, expecting exit 2 and nothing written. */
  private String refused(String... extra) {
    String[] args = new String[5 + extra.length];
    System.arraycopy(new String[] {"new", "tpl", "out", "--non-interactive", "--no-git"}, 0, args, 0, 5);
    System.arraycopy(extra, 0, args, 5, extra.length);
    Cli.Run r = Cli.run(dir, args);
    assertEquals(2, r.exit(), r.err());
    assertFalse(Files.exists(dir.resolve("out")), "nothing may be written");
    assertFalse(r.err().contains("\tat "), "no stack trace without --verbose: " + r.err());
    return r.err().lines().findFirst().orElse("");
  }

  private void writeAnswers(String text) throws IOException {
    Files.writeString(dir.resolve("a.yml"), text);
    before = TreeSnapshot.of(dir);
  }

  @Test
  void duplicateKeyInScaffoldYmlNamesTheKeyAndBothLines() throws IOException {
    Files.writeString(dir.resolve("tpl/scaffold.yml"), SPEC + "name: other\n");
    before = TreeSnapshot.of(dir);
    String err = refused();
    assertTrue(err.matches(".*scaffold\\.yml:11: duplicate key `name` \\(first at line 1\\)"), err);
    before.assertUnchanged();
  }

  @Test
  void duplicateKeyInAnswersFileNamesTheKeyAndBothLines() throws IOException {
    writeAnswers("port: 1\nname: x\nport: 2\n");
    assertEquals("error: a.yml:3: duplicate key `port` (first at line 1)", refused("--answers", "a.yml"));
    before.assertUnchanged();
  }

  @Test
  void billionLaughsInAnswersStopsAtTheAliasCap() throws IOException {
    StringBuilder y = new StringBuilder("l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i <= 5; i++) {
      y.append("l").append(i).append(": &l").append(i).append(" [").append(String.join(", ",
          java.util.Collections.nCopies(9, "*l" + (i - 1)))).append("]\n");
    }
    writeAnswers(y.toString());
    String err = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> refused("--answers", "a.yml"));
    assertTrue(err.contains("a.yml:6:") && err.contains("aliases expand to more than 100000 values"), err);
    before.assertUnchanged();
  }

  @Test
  void deepNestingInScaffoldYmlIsRefused() throws IOException {
    Files.writeString(dir.resolve("tpl/scaffold.yml"), SPEC + "x: " + "[".repeat(5000) + "]".repeat(5000) + "\n");
    before = TreeSnapshot.of(dir);
    String err = refused();
    assertTrue(err.contains("scaffold.yml:11:") && err.contains("nested deeper than 50 levels"), err);
    before.assertUnchanged();
  }

  @Test
  void fiftyMegabytesOfKeysAreRefusedAtOnce() throws IOException {
    writeBig(dir.resolve("a.yml"), w -> {
      for (int i = 0; w.written < 50_000_000; i++) {
        w.line("key" + i + ": value" + i);
      }
    });
    assertFiftyMegabytesRefused();
  }

  @Test
  void fiftyMegabytesOfOneScalarAreRefusedAtOnce() throws IOException {
    writeBig(dir.resolve("a.yml"), w -> {
      w.line("name: " + "x".repeat(1 << 20));
      while (w.written < 50_000_000) {
        w.line("  " + "x".repeat(1 << 20)); // continuation lines of the same plain scalar
      }
    });
    assertFiftyMegabytesRefused();
  }

  @Test
  void fiftyMegabytesOfFlowNestingAreRefusedAtOnce() throws IOException {
    writeBig(dir.resolve("a.yml"), w -> {
      w.text("x: ");
      while (w.written < 50_000_000) {
        w.text("[".repeat(1 << 20));
      }
    });
    assertFiftyMegabytesRefused();
  }

  private void assertFiftyMegabytesRefused() {
    before = TreeSnapshot.of(dir);
    // the safety net only: the size cap refuses before reading past 10 MiB
    String err = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> refused("--answers", "a.yml"));
    assertEquals("error: a.yml: is larger than the 10 MiB limit for input files", err);
    before.assertUnchanged();
  }

  @Test
  void nestingJustUnderTheSizeCapIsRefusedByDepthNotByTime() throws IOException {
    writeBig(dir.resolve("a.yml"), w -> {
      w.text("x: ");
      while (w.written < 9_000_000) {
        w.line("[".repeat(1 << 16));
      }
    });
    before = TreeSnapshot.of(dir);
    String err = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> refused("--answers", "a.yml"));
    assertTrue(err.contains("a.yml:1:") && err.contains("nested deeper than 50 levels"), err);
    before.assertUnchanged();
  }

  @Test
  void aLineOfEightMegabytesIsRefusedBeforeItsQuadraticScan() throws IOException {
    writeAnswers("name: demo\n# " + "x".repeat(8 << 20) + "\n");
    String err = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> refused("--answers", "a.yml"));
    assertEquals("error: a.yml:2: refused: a line longer than 1 Mi characters (a fixed limit of scaffold's YAML reader)", err);
    before.assertUnchanged();
  }

  @Test
  void intBeyond64BitsInAnswersFileIsAnError() throws IOException {
    writeAnswers("port: 99999999999999999999\n");
    String err = refused("--answers", "a.yml");
    assertTrue(err.contains("a.yml: port") && err.contains("`99999999999999999999` is outside the 64-bit range"), err);
    before.assertUnchanged();
  }

  @Test
  void intBeyond64BitsInSetIsAnError() {
    String err = refused("--set", "port=99999999999999999999");
    assertTrue(err.contains("--set port") && err.contains("outside the 64-bit range"), err);
    before.assertUnchanged();
  }

  @Test
  void negativeIntBeyond64BitsInJsonAnswersIsAnError() throws IOException {
    Files.writeString(dir.resolve("a.json"), "{\"port\": -9223372036854775809}");
    before = TreeSnapshot.of(dir);
    String err = refused("--answers", "a.json");
    assertTrue(err.contains("a.json: port") && err.contains("`-9223372036854775809` is outside the 64-bit range"), err);
    before.assertUnchanged();
  }

  @Test
  void intWrittenAsHugeDecimalIsAnError() throws IOException {
    writeAnswers("port: 1.0e30\n");
    String err = refused("--answers", "a.yml");
    assertTrue(err.contains("a.yml: port") && err.contains("outside the 64-bit range"), err);
    before.assertUnchanged();
  }

  @Test
  void hugeExponentInAnswersFileIsRefusedNotExpanded() throws IOException {
    writeAnswers("ratio: 1e999999999\n");
    String err = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> refused("--answers", "a.yml"));
    assertTrue(err.contains("a.yml:1:") && err.contains("exponent must be within ±1000"), err);
    before.assertUnchanged();
  }

  @Test
  void hugeExponentInSetIsRefusedNotExpanded() {
    for (String q : new String[] {"ratio", "port", "name"}) {
      // name is text: kept as typed, so only a number question has to say no
      Cli.Run r = assertTimeoutPreemptively(Duration.ofSeconds(30),
          () -> Cli.run(dir, "new", "tpl", "out", "--non-interactive", "--no-git", "--dry-run", "--set", q + "=1e999999999"));
      assertEquals(q.equals("name") ? 0 : 2, r.exit(), q + ": " + r.err());
    }
    String err = refused("--set", "ratio=-1E-999999999");
    assertTrue(err.contains("--set ratio") && err.contains("exponent must be within ±1000"), err);
    before.assertUnchanged();
  }

  @Test
  void endlessDigitsAreRefusedBeforeConverting() throws IOException {
    // past the YAML reader's 1,024-character number length, digits are text; an int question refuses them
    writeAnswers("port: " + "9".repeat(1_000_000) + "\n");
    String err = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> refused("--answers", "a.yml"));
    assertTrue(err.contains("a.yml: port") && err.contains("a number longer than 1024 characters"), err);
    before.assertUnchanged();
  }

  @Test
  void infinityAndNaNForANumberQuestionAreRefused() throws IOException {
    writeAnswers("ratio: .inf\n");
    String err = refused("--answers", "a.yml");
    assertTrue(err.contains("a.yml:1:") && err.contains("`.inf` is not a finite number"), err);
    for (String v : new String[] {"Infinity", "-inf", "NaN"}) {
      String set = refused("--set", "ratio=" + v);
      assertTrue(set.contains("--set ratio") && set.contains("infinity and NaN are not numbers here"), set);
    }
    before.assertUnchanged();
  }

  @Test
  void answersNamingAFolderIsAnError() throws IOException {
    Files.createDirectory(dir.resolve("answers.d"));
    before = TreeSnapshot.of(dir);
    assertEquals("error: answers.d: is a folder, not a file", refused("--answers", "answers.d"));
    before.assertUnchanged();
  }

  @Test
  void answersNamingAFifoIsRefusedWithoutOpeningIt() throws Exception {
    Path fifo = dir.resolve("a.fifo");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    before = TreeSnapshot.of(dir);
    // opening a FIFO blocks until a writer comes: the timeout catches a reader that opens it
    String err = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> refused("--answers", "a.fifo"));
    assertEquals("error: a.fifo: is not a regular file (a FIFO, socket or device is never read)", err);
    before.assertUnchanged();
  }

  @Test
  void answersNamingDevZeroIsRefusedAtOnce() {
    String err = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> refused("--answers", "/dev/zero"));
    assertEquals("error: /dev/zero: is not a regular file (a FIFO, socket or device is never read)", err);
    before.assertUnchanged();
  }

  @Test
  void answersThroughALinkToADeviceIsRefused() throws IOException {
    Files.createSymbolicLink(dir.resolve("link.yml"), Path.of("/dev/zero"));
    before = TreeSnapshot.of(dir);
    String err = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> refused("--answers", "link.yml"));
    assertEquals("error: link.yml: is not a regular file (a FIFO, socket or device is never read)", err);
    before.assertUnchanged();
  }

  @Test
  void answersThatAreNotUtf8AreAnError() throws IOException {
    Files.write(dir.resolve("a.yml"), new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xff, '\n'});
    before = TreeSnapshot.of(dir);
    assertEquals("error: a.yml: is not UTF-8 text", refused("--answers", "a.yml"));
    before.assertUnchanged();
  }

  @Test
  void scaffoldYmlThatIsAFifoIsRefusedWithoutOpeningIt() throws Exception {
    Files.delete(dir.resolve("tpl/scaffold.yml"));
    assertEquals(0, new ProcessBuilder("mkfifo", dir.resolve("tpl/scaffold.yml").toString()).start().waitFor());
    before = TreeSnapshot.of(dir);
    String err = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> refused());
    assertTrue(err.endsWith("scaffold.yml: is not a regular file (a folder, FIFO, socket or device); it was not read"), err);
    before.assertUnchanged();
  }

  @Test
  void reposFileThatIsAFifoIsRefusedWithoutOpeningIt() throws Exception {
    Path fifo = dir.resolve("repos.txt");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    before = TreeSnapshot.of(dir);
    Cli.Run r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Cli.run(dir,
        Map.of("GITHUB_TOKEN", "t", "SCAFFOLD_GITHUB_URL", "http://127.0.0.1:9"), "update", "--repos-file", "repos.txt",
        "--defaults"));
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("repos.txt: is not a regular file"), r.err());
    before.assertUnchanged();
  }

  /** Writes a big file through a buffer, counting bytes, without holding it in memory. */
  private static void writeBig(Path file, BigWriter.Body body) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      body.write(new BigWriter(out));
    }
  }

  private static final class BigWriter {
    interface Body {
      void write(BigWriter w) throws IOException;
    }

    private final Writer out;
    long written;

    BigWriter(Writer out) {
      this.out = out;
    }

    void text(String s) throws IOException {
      out.write(s);
      written += s.length();
    }

    void line(String s) throws IOException {
      text(s + "\n");
    }
  }
}
