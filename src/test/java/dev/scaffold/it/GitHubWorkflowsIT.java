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
 * ({@code @action-validator/cli} from npm, installed into {@code target/check-tools} once, as scripts/install-check-tools does), and for
 * what a release must hold: a tag trigger, the jar and five native platforms built with GraalVM,
 * a checksum for each.
 */
class GitHubWorkflowsIT {

  static final String VALIDATOR = "@action-validator/cli@0.6.0";
  static final Path TOOLS = Path.of("target/check-tools").toAbsolutePath();
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

  /** The shell script of the generated workflow's "Install scaffold" step. */
  private static String installStep() throws Exception {
    JsonNode wf = YAML.readTree(Path.of("templates/java-library/template/.github/workflows/scaffold-update.yml").toFile());
    for (JsonNode step : wf.path("jobs").path("update").path("steps")) {
      if (step.path("name").asText().startsWith("Install scaffold")) {
        return step.path("run").asText();
      }
    }
    throw new AssertionError("no Install scaffold step");
  }

  private BundledTemplatesBuildIT.Result runInstallStep(String runtime, Path releases, String sha) throws Exception {
    Path temp = Files.createDirectories(dir.resolve("runner-temp-" + runtime + sha.length()));
    Path githubPath = temp.resolve("github-path");
    Path script = temp.resolve("install.sh");
    Files.writeString(script, installStep());
    // as on the runner: bash -e, the workflow's env, RUNNER_* and GITHUB_PATH
    return BundledTemplatesBuildIT.exec(temp, Map.of("SCAFFOLD_VERSION", "0.1.0", "SCAFFOLD_RUNTIME", runtime,
        "SCAFFOLD_SHA256", sha, "SCAFFOLD_URL", releases.toUri() + "v{version}/{asset}", "RUNNER_ARCH", "X64",
        "RUNNER_TEMP", temp.toString(), "GITHUB_PATH", githubPath.toString()), 2, "bash", "-e", script.toString());
  }

  /** A release folder as release.yml publishes it: the asset and its sha256sum line. */
  private Path release(String asset, Path file) throws Exception {
    Path v = Files.createDirectories(dir.resolve("releases/v0.1.0"));
    Files.copy(file, v.resolve(asset));
    String sum = BundledTemplatesBuildIT.exec(v, Map.of(), 1, "sha256sum", asset).output();
    Files.writeString(v.resolve(asset + ".sha256"), sum);
    return dir.resolve("releases");
  }

  @Test
  void theGeneratedWorkflowInstallsTheReleaseJarAndRefusesAWrongChecksum() throws Exception {
    Path releases = release("scaffold-0.1.0.jar", ScaffoldLauncher.jar());
    BundledTemplatesBuildIT.Result ok = runInstallStep("jar", releases, "");
    assertEquals(0, ok.exit(), ok.output());
    Path bin = dir.resolve("runner-temp-jar0/scaffold/scaffold");
    assertEquals(dir.resolve("runner-temp-jar0/scaffold").toString(),
        Files.readString(dir.resolve("runner-temp-jar0/github-path")).strip());
    BundledTemplatesBuildIT.Result v = BundledTemplatesBuildIT.exec(dir, Map.of(), 1, bin.toString(), "--version");
    assertEquals("scaffold 0.1.0\n", v.output());

    String wrong = "0".repeat(64);
    BundledTemplatesBuildIT.Result refused = runInstallStep("jar", releases, wrong);
    assertNotEquals(0, refused.exit(), refused.output());
    assertTrue(refused.output().contains("::error::scaffold-0.1.0.jar has SHA-256"), refused.output());
    assertTrue(refused.output().contains("expected " + wrong), refused.output());
    assertTrue(!Files.exists(dir.resolve("runner-temp-jar64/scaffold/scaffold")), "nothing to run after a mismatch");
  }

  @Test
  void theGeneratedWorkflowInstallsTheNativeExecutable() throws Exception {
    Path exe = ScaffoldLauncher.executable();
    assumeTrue(exe != null, "skipped: the tests run the jar (-Dscaffold.exe names a native executable)");
    // the stand-in toolchain's executable needs its lib/ beside it; a release one is self-contained
    assumeTrue(!Files.isDirectory(exe.resolveSibling("lib")), "skipped: this native build is not self-contained");
    Path releases = release("scaffold-0.1.0-linux-amd64", exe);
    BundledTemplatesBuildIT.Result ok = runInstallStep("native", releases, "");
    assertEquals(0, ok.exit(), ok.output());
    BundledTemplatesBuildIT.Result v = BundledTemplatesBuildIT.exec(dir, Map.of(), 1,
        dir.resolve("runner-temp-native0/scaffold/scaffold").toString(), "--version");
    assertEquals("scaffold 0.1.0\n", v.output());
  }
}
