package dev.scaffold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the packaged jar on each bundled template's answers examples and checks every file's mode
 * on disk and in git against the template's file in {@code templates/}: 0644 and 100644, or 0755
 * and 100755 for a file with the x bit (the jar once gave 0777 and 100755 to all).
 */
class ModesJarIT {

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"java-library", "python-package", "python-package-conda", "service"})
  void everyFileHasItsTemplateFilesMode(String example) throws Exception {
    String template = example.startsWith("python-package") ? "python-package" : example;
    Path out = dir.resolve(example);
    BundledTemplatesBuildIT.Result r = BundledTemplatesBuildIT.scaffold(dir, "new", template, out.toString(), "--answers",
        Path.of("answers-examples", example + ".yml").toAbsolutePath().toString(), "--non-interactive");
    assertEquals(0, r.exit(), r.output());

    Map<String, Boolean> sources = sourceModes(Path.of("templates", template, "template"));
    BundledTemplatesBuildIT.Result ls = BundledTemplatesBuildIT.exec(out, Map.of(), 1, "git", "ls-files", "-s");
    assertEquals(0, ls.exit(), ls.output());
    List<String> lines = ls.output().lines().toList();
    assertTrue(lines.size() > 5, ls.output());
    for (String line : lines) {
      String gitMode = line.substring(0, 6);
      String path = line.substring(line.indexOf('\t') + 1);
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(out.resolve(path));
      String onDisk = PosixFilePermissions.toString(perms);
      assertFalse(perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE),
          path + " is writable by others: " + onDisk);
      assertEquals(perms.contains(PosixFilePermission.OWNER_EXECUTE), gitMode.equals("100755"), path + ": " + line + " " + onDisk);
      if (path.equals(".scaffold-answers.yml")) {
        assertEquals("100644", gitMode);
        continue;
      }
      boolean executable = expectedExecutable(sources, path);
      assertEquals(executable ? "rwxr-xr-x" : "rw-r--r--", onDisk, path);
      assertEquals(executable ? "100755" : "100644", gitMode, path);
    }
  }

  /** Each template file (path in the tree) → whether it has the owner's x bit in the source tree. */
  private static Map<String, Boolean> sourceModes(Path tree) throws Exception {
    Map<String, Boolean> out = new java.util.TreeMap<>();
    try (Stream<Path> s = Files.walk(tree)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        out.put(tree.relativize(p).toString(), Files.getPosixFilePermissions(p).contains(PosixFilePermission.OWNER_EXECUTE));
      }
    }
    return out;
  }

  /**
   * The mode of the source an output file came from: the source of that very path (less
   * {@code .ftl}), else every source whose rendered segments ({@code [=...]}) could give it, which
   * must agree.
   */
  private static boolean expectedExecutable(Map<String, Boolean> sources, String path) {
    for (String candidate : List.of(path, path + ".ftl")) {
      if (sources.containsKey(candidate)) {
        return sources.get(candidate);
      }
    }
    Set<Boolean> modes = new HashSet<>();
    List<String> matched = new ArrayList<>();
    sources.forEach((source, x) -> {
      String plain = source.endsWith(".ftl") ? source.substring(0, source.length() - 4) : source;
      List<String> parts = new ArrayList<>();
      for (String part : plain.split("\\[=[^\\]]*\\]", -1)) {
        parts.add(Pattern.quote(part));
      }
      if (Pattern.matches(String.join(".*", parts), path)) {
        matched.add(source);
        modes.add(x);
      }
    });
    assertFalse(modes.isEmpty(), "no template file gives " + path);
    assertEquals(1, modes.size(), path + " could come from files of different modes: " + matched);
    return modes.iterator().next();
  }
}
