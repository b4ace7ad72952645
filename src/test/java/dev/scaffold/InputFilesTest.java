package dev.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {

  @TempDir Path dir;

  private String refusal(Path p, int cap) {
    return assertThrows(InputException.class, () -> InputFiles.readText(p, p.getFileName().toString(), cap)).getMessage();
  }

  @Test
  void readsUtf8TextUpToTheCap() throws Exception {
    Files.writeString(dir.resolve("a.yml"), "name: é\n");
    assertEquals("name: é\n", InputFiles.readText(dir.resolve("a.yml"), "a.yml", 9));
    assertEquals("a.yml: is larger than the 8 bytes limit for input files", refusal(dir.resolve("a.yml"), 8));
  }

  @Test
  void refusesWhatIsNotARegularFile() throws Exception {
    assertEquals("missing.yml: no such file", refusal(dir.resolve("missing.yml"), 100));
    Files.createDirectory(dir.resolve("d"));
    assertEquals("d: is a folder, not a file", refusal(dir.resolve("d"), 100));
    Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("nowhere"));
    assertEquals("dangling: no such file", refusal(dir.resolve("dangling"), 100));
    Files.createSymbolicLink(dir.resolve("null"), Path.of("/dev/null"));
    assertEquals("null: is not a regular file (a FIFO, socket or device is never read)", refusal(dir.resolve("null"), 100));
  }

  @Test
  void refusesBytesThatAreNotUtf8() throws Exception {
    Files.write(dir.resolve("latin1.yml"), new byte[] {'a', ':', ' ', (byte) 0xe9});
    assertEquals("latin1.yml: is not UTF-8 text", refusal(dir.resolve("latin1.yml"), 100));
  }
}
