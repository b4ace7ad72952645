package dev.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps each library at the edge: one package may import it, and nothing imports the CLI. */
class ArchitectureTest {

  private static final Path MAIN = Path.of("src/main/java/dev/scaffold");

  /** library import prefix → the only packages allowed to use it */
  private static final Map<String, List<String>> OWNERS = Map.of(
      "picocli.", List.of("cli"),
      "org.jline.", List.of("prompt"),
      "org.eclipse.jgit.", List.of("jgit"),
      "org.kohsuke.github.", List.of("github"),
      "freemarker.", List.of("engine"),
      "dev.scaffold.cli.", List.of("cli"));

  @Test
  void librariesStayInTheirPackage() throws IOException {
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Path rel = MAIN.relativize(f);
        String pkg = rel.getNameCount() > 1 ? rel.getName(0).toString() : "";
        for (String line : Files.readAllLines(f)) {
          if (!line.startsWith("import ")) {
            continue;
          }
          String imported = line.substring(7).replace("static ", "").strip();
          OWNERS.forEach((prefix, owners) -> {
            if (imported.startsWith(prefix) && !owners.contains(pkg)) {
              violations.add(rel + ": " + line);
            }
          });
        }
      }
    }
    assertEquals(List.of(), violations);
  }
}
