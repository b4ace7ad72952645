package dev.scaffold;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Temporary folders go when their work is done, and whatever is left goes at exit. */
class TempFoldersTest {

  @Test
  void aFolderDeletedByItsUserIsForgotten() throws Exception {
    Path dir = TempFolders.create("scaffold-test-");
    Files.writeString(dir.resolve("f"), "x");
    assertTrue(TempFolders.live().contains(dir));
    TempFolders.delete(dir);
    assertFalse(Files.exists(dir));
    assertFalse(TempFolders.live().contains(dir));
  }

  @Test
  void whatARunLeftBehindIsRemovedAtExit() throws Exception {
    Path dir = TempFolders.create("scaffold-test-");
    Files.createDirectories(dir.resolve("clone/.git/objects"));
    Files.writeString(dir.resolve("clone/README.md"), "x");
    TempFolders.deleteAll(); // what the shutdown hook runs
    assertFalse(Files.exists(dir));
    assertFalse(TempFolders.live().contains(dir));
  }
}
