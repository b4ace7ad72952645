package dev.scaffold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scaffold's own workflows ({@code .github/workflows}) and the {@code scaffold-update.yml} every
 * bundled template generates, checked against GitHub's workflow schema by a real linter
 * ({@code @action-validator/cli} from npm, installed into {@code target/npm-tools} once), and for
 * what a release must hold: a tag trigger, the jar and five native platforms built with GraalVM,
 * a checksum for each.
 */
class GitHubWorkflowsIT {

  static final String VALIDATOR = "@action-validator/cli@0.6.0";
  static final Path TOOLS = Path.of("target/npm-tools").toAbsolutePath();
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static Path validator;

  @TempDir Path dir;

  @BeforeAll
  static void installValidator() throws Exception {
    Path bin = TOOLS.resolve("node_modules/.bin/action-validator");
    if (!Files.isExecutable(bin)) {
      Files.createDirectories(TOOLS);
      BundledTemplatesBuildIT.Result npm;
      try {
        npm = BundledTemplatesBuildIT.exec(TOOLS, Map.of(), 4, "npm", "install", "--no-audit", "--no-fund",
            "--prefix", TOOLS.toString(), VALIDATOR);
      } catch (java.io.IOException e) {
        npm = new BundledTemplatesBuildIT.Result(127, "npm is not installed: " + e.getMessage());
      }
      assumeTrue(npm.exit() == 0 && Files.isExecutable(bin),
          "skipped: npm could not install " + VALIDATOR + " (registry unreachable?):\n" + npm.output());
    }
    validator = bin;
  }

  private static BundledTemplatesBuildIT.Result lint(Path workflow) throws Exception {
    return BundledTemplatesBuildIT.exec(workflow.getParent(), Map.of(), 1, validator.toString(), workflow.toString());
  }

  private static List<Path> workflows() throws Exception {
    List<Path> all = new ArrayList<>();
    try (Stream<Path> s = Files.list(Path.of(".github/workflows"))) {
      s.filter(p -> p.toString().endsWith(".yml")).sorted().forEach(all::add);
    }
    try (Stream<Path> s = Files.walk(Path.of("templates"))) {
      s.filter(p -> p.getFileName().toString().equals("scaffold-update.yml")).sorted().forEach(all::add);
    }
    return all;
  }

  @Test
  void everyWorkflowPassesTheLinter() throws Exception {
    List<Path> all = workflows();
    assertTrue(all.contains(Path.of(".github/workflows/release.yml")), all.toString());
    assertTrue(all.contains(Path.of(".github/workflows/ci.yml")), all.toString());
    assertEquals(3, all.stream().filter(p -> p.startsWith("templates")).count(), all.toString());
    for (Path w : all) {
      BundledTemplatesBuildIT.Result r = lint(w.toAbsolutePath());
      assertEquals(0, r.exit(), w + ":\n" + r.output());
    }
  }

  @Test
  void theLinterRefusesABrokenWorkflow() throws Exception {
    // the release workflow with its trigger misspelt, and with a job that names no runner
    String release = Files.readString(Path.of(".github/workflows/release.yml"));
    Path misspelt = dir.resolve("misspelt.yml");
    Files.writeString(misspelt, release.replace("\n  push:\n", "\n  pushh:\n"));
    BundledTemplatesBuildIT.Result r = lint(misspelt);
    assertNotEquals(0, r.exit(), r.output());
    assertTrue(r.output().contains("pushh"), r.output());
    Path noRunner = dir.resolve("no-runner.yml");
    Files.writeString(noRunner, release.replace("    runs-on: ubuntu-latest\n    timeout-minutes: 45\n", "    timeout-minutes: 45\n"));
    assertNotEquals(release, Files.readString(noRunner));
    assertNotEquals(0, lint(noRunner).exit());
  }

  @Test
  void releaseBuildsTheJarAndFiveNativePlatformsWithChecksumsOnTags() throws Exception {
    JsonNode release = YAML.readTree(Path.of(".github/workflows/release.yml").toFile());
    assertEquals("v*", release.path("on").path("push").path("tags").path(0).asText());
    JsonNode matrix = release.path("jobs").path("native").path("strategy").path("matrix").path("include");
    List<String> platforms = new ArrayList<>();
    matrix.forEach(m -> platforms.add(m.path("platform").asText()));
    assertEquals(List.of("linux-amd64", "linux-arm64", "macos-arm64", "macos-amd64", "windows-amd64"), platforms);
    String text = Files.readString(Path.of(".github/workflows/release.yml"));
    assertTrue(text.contains("uses: graalvm/setup-graalvm@v1"));
    assertTrue(text.contains("scripts/build-native"));
    assertTrue(text.contains(".sha256"));
    assertTrue(text.contains("gh release create"));
    assertEquals("write", release.path("jobs").path("publish").path("permissions").path("contents").asText());

    JsonNode ci = YAML.readTree(Path.of(".github/workflows/ci.yml").toFile());
    assertTrue(ci.path("on").has("pull_request"));
    assertTrue(Files.readString(Path.of(".github/workflows/ci.yml")).contains("run: mvn -B verify"));
  }
}
