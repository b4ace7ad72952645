package dev.scaffold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scaffold.testing.Cli;
import dev.scaffold.testing.FileTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders every bundled template with each of its answers examples and compares the result with
 * the golden tree under {@code src/test/resources/golden/}. After an intended template change,
 * regenerate with {@code mvn test -Dtest=BundledTemplatesGoldenTest -Dscaffold.updateGolden=true}
 * and review the diff.
 */
class BundledTemplatesGoldenTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  static List<Path> examples() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("answers-examples"))) {
      return s.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
    }
  }

  /** {@code python-package-conda.yml} belongs to {@code python-package}. */
  static String templateOf(Path example) {
    String name = example.getFileName().toString().replace(".yml", "");
    for (String t : List.of("java-library", "python-package", "service")) {
      if (name.equals(t) || name.startsWith(t + "-")) {
        return t;
      }
    }
    throw new AssertionError("no bundled template for " + example);
  }

  @ParameterizedTest
  @MethodSource("examples")
  void rendersAsTheGoldenTree(Path example, @TempDir Path dir) throws Exception {
    String name = example.getFileName().toString().replace(".yml", "");
    Path out = dir.resolve(name);
    Cli.Run r = Cli.run(Path.of("").toAbsolutePath(), "new", templateOf(example), out.toString(),
        "--answers", example.toString(), "--non-interactive", "--no-git", "--no-github");
    assertEquals(0, r.exit(), r.err());
    Map<String, String> actual = FileTree.read(out);
    Path golden = GOLDEN.resolve(name);
    if (Boolean.getBoolean("scaffold.updateGolden")) {
      dev.scaffold.FileTrees.deleteRecursively(golden);
      FileTree.write(golden, actual);
    }
    assertEquals(FileTree.read(golden), actual, "golden tree of " + name + " (regenerate with -Dscaffold.updateGolden=true)");
  }
}
