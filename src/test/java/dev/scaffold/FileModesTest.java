package dev.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FileModesTest {

  private static final FileModes MODES = FileModes.parse(
      "100644 lib/scaffold.yml\n100755 lib/template/gradlew\n100644 lib/template/a b.txt.ftl\n100644 other/x\n", "index");

  @Test
  void givesRegularAndExecutablePermissionsBelowAFolder() {
    FileModes tree = MODES.under("lib").under("./template/");
    assertEquals("rwxr-xr-x", PosixFilePermissions.toString(tree.permissions("gradlew")));
    assertEquals("rw-r--r--", PosixFilePermissions.toString(tree.permissions("a b.txt.ftl")));
    assertNull(tree.permissions("x"), "a path not recorded has no mode");
    assertEquals(Map.of("gradlew", "100755", "a b.txt.ftl", "100644"), tree.modes());
    assertEquals(MODES.modes(), MODES.under(".").modes());
  }

  @Test
  void refusesLinesThatAreNotModeAndPath() {
    for (String bad : new String[] {"100777 x", "x", "100644 ", "644 x"}) {
      OperationException e = assertThrows(OperationException.class, () -> FileModes.parse("100644 a\n" + bad + "\n", "index"));
      assertEquals(true, e.getMessage().startsWith("index:2: "), e.getMessage());
    }
  }
}
