package dev.scaffold.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code templates/.index} records the mode of every bundled template file (the jar keeps none):
 * it must list exactly the files of {@code templates/}, each with its x bit. After adding, removing
 * or chmod-ing a template file: {@code mvn test -Dtest=BundledTemplateModesTest -Dscaffold.updateModes=true}.
 */
class BundledTemplateModesTest {

  private static final Path TEMPLATES = Path.of("templates");
  private static final Path INDEX = TEMPLATES.resolve(BundledTemplates.MODES_INDEX);

  /** The index as it should be: one {@code MODE PATH} line a file, sorted. */
  static String expectedIndex() throws IOException {
    try (Stream<Path> s = Files.walk(TEMPLATES)) {
      List<String> lines = s.filter(Files::isRegularFile).filter(p -> !p.equals(INDEX))
          .map(p -> mode(p) + " " + TEMPLATES.relativize(p).toString().replace('\\', '/'))
          .sorted((a, b) -> a.substring(7).compareTo(b.substring(7)))
          .toList();
      return lines.stream().map(l -> l + "\n").collect(Collectors.joining());
    }
  }

  private static String mode(Path p) {
    try {
      boolean x = p.getFileSystem().supportedFileAttributeViews().contains("posix")
          && Files.getPosixFilePermissions(p).contains(PosixFilePermission.OWNER_EXECUTE);
      return x ? "100755" : "100644";
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void theCheckedInIndexMatchesTheTemplates() throws IOException {
    String expected = expectedIndex();
    if (Boolean.getBoolean("scaffold.updateModes")) {
      Files.writeString(INDEX, expected);
    }
    assertEquals(expected, Files.readString(INDEX),
        "templates/.index is out of date (regenerate with -Dscaffold.updateModes=true)");
  }

  @Test
  void theBundledCatalogReadsTheIndexFromTheClasspath() throws IOException {
    BundledTemplates catalog = new BundledTemplates(List.of());
    for (BundledTemplates.Entry e : catalog.list()) {
      dev.scaffold.FileModes modes = catalog.modes(e.name());
      assertNotNull(modes, e.name());
      try (Stream<Path> s = Files.walk(TEMPLATES.resolve(e.name()))) {
        List<String> files = s.filter(Files::isRegularFile).map(p -> TEMPLATES.resolve(e.name()).relativize(p).toString()).sorted().toList();
        assertEquals(files, modes.modes().keySet().stream().sorted().toList(), e.name());
      }
    }
  }
}
