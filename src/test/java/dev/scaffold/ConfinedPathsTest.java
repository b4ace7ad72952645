package dev.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfinedPathsTest {

  @TempDir Path tmp;

  @Test
  void makesMissingFoldersOneAtATimeAndWrites() throws IOException {
    ConfinedPaths c = new ConfinedPaths(tmp.resolve("root"));
    Files.createDirectory(tmp.resolve("root"));
    c.write("a/b/c.txt", "x".getBytes(StandardCharsets.UTF_8));
    c.write("a/b/c.txt", "y".getBytes(StandardCharsets.UTF_8));
    assertEquals("y", Files.readString(tmp.resolve("root/a/b/c.txt")));
  }

  @Test
  void refusesALinkedFolderAtAnyDepthAndALinkedFile() throws IOException {
    Path root = Files.createDirectories(tmp.resolve("root/a"));
    Path outside = Files.createDirectory(tmp.resolve("outside"));
    Files.writeString(outside.resolve("f"), "outside");
    Files.createSymbolicLink(root.resolve("b"), outside);
    Files.createSymbolicLink(root.resolve("f"), outside.resolve("f"));
    ConfinedPaths c = new ConfinedPaths(tmp.resolve("root"));

    InputException deep = assertThrows(InputException.class, () -> c.write("a/b/new.txt", new byte[1]));
    assertTrue(deep.getMessage().startsWith(root.resolve("b") + ": is a symbolic link"), deep.getMessage());
    InputException file = assertThrows(InputException.class, () -> c.write("a/f", new byte[1]));
    assertTrue(file.getMessage().startsWith(root.resolve("f") + ": is a symbolic link"), file.getMessage());
    assertThrows(FileAlreadyExistsException.class, () -> c.create("a/f").close());
    assertEquals("outside", Files.readString(outside.resolve("f")));
    assertEquals(1, Files.list(outside).count());
  }

  @Test
  void refusesAFileInTheWayOfAFolderAndPathsLeavingTheRoot() throws IOException {
    Path root = Files.createDirectories(tmp.resolve("root"));
    Files.writeString(root.resolve("docs"), "a file");
    ConfinedPaths c = new ConfinedPaths(root);
    InputException e = assertThrows(InputException.class, () -> c.prepare("docs/x.md"));
    assertTrue(e.getMessage().contains("not a folder"), e.getMessage());
    assertThrows(InputException.class, () -> c.prepare("../escape.txt"));
  }
}
