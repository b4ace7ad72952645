package dev.scaffold.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scaffold.FileModes;
import dev.scaffold.engine.TemplateEngine;
import dev.scaffold.template.Syntax;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bundled template's modes come from its index, whatever its file system says (a jar: 0777). */
class RecordedModesTest {

  @TempDir Path tmp;

  @Test
  void recordedModesWinOverTheSourcesPermissions() throws Exception {
    Path tree = tmp.resolve("template");
    Files.createDirectories(tree.resolve("bin"));
    for (String f : List.of("README.md.ftl", "bin/run", "gradlew")) {
      Files.writeString(tree.resolve(f), "x\n");
      Files.setPosixFilePermissions(tree.resolve(f), PosixFilePermissions.fromString("rwxrwxrwx"));
    }
    FileModes modes = FileModes.parse("100644 README.md.ftl\n100755 bin/run\n100755 gradlew\n", "index");
    TemplateEngine engine = new TemplateEngine(tree, Syntax.ANGLE);
    RenderPlan plan = new Renderer(engine).plan(tree, "template", List.of(), Map.of(), modes);
    Path out = tmp.resolve("out");
    new TreeWriter(engine).write(plan, Map.of(), out);
    Map<String, String> got = new TreeMap<>();
    for (String f : List.of("README.md", "bin/run", "gradlew")) {
      got.put(f, PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve(f))));
    }
    assertEquals(Map.of("README.md", "rw-r--r--", "bin/run", "rwxr-xr-x", "gradlew", "rwxr-xr-x"), got);
  }
}
