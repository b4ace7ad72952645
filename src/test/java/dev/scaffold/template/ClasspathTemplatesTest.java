package dev.scaffold.template;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scaffold.FileModes;
import dev.scaffold.TempFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Bundled templates copied out of class-path resources: only what is asked, bytes and recorded modes. */
class ClasspathTemplatesTest {

  @Test
  void copiesSpecsToListAndOneTemplateToRenderWithTheirRecordedModes() throws Exception {
    FileModes index = FileModes.parse(Files.readString(Path.of("templates", BundledTemplates.MODES_INDEX)), "index");
    ClasspathTemplates t = new ClasspathTemplates(index);
    try {
      t.copySpecs();
      assertEquals(List.of("java-library/scaffold.yml", "python-package/scaffold.yml", "service/scaffold.yml"), files(t.root()));
      t.copyTemplate("java-library");
      List<String> copied = files(t.root()).stream().filter(p -> p.startsWith("java-library/")).toList();
      assertEquals(index.under("java-library").modes().keySet().stream().map(p -> "java-library/" + p).sorted().toList(), copied);
      for (String p : copied) {
        Path out = t.root().resolve(p);
        assertArrayEquals(Files.readAllBytes(Path.of("templates").resolve(p)), Files.readAllBytes(out), p);
        assertEquals(PosixFilePermissions.toString(index.permissions(p)), PosixFilePermissions.toString(Files.getPosixFilePermissions(out)), p);
      }
    } finally {
      TempFolders.delete(t.root());
    }
  }

  private static List<String> files(Path root) throws Exception {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
    }
  }
}
