package dev.scaffold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.scaffold.testing.Cli;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The projects the python-package template generates pass their own checks: pytest, Ruff (its
 * WebAssembly build from npm, run by node), action-validator on the workflows, hadolint on the
 * Dockerfile, and the version check of CI on main. A check whose tool is not installed is
 * skipped, saying which; {@code scripts/install-check-tools} installs the npm ones.
 */
class ResearchTemplateChecksTest {

  static final Path TOOLS = Path.of(System.getProperty("scaffold.checkTools", "target/check-tools/node_modules")).toAbsolutePath();
  static final Path RUFF_RUNNER = Path.of("src/test/resources/research/ruff-check.mjs").toAbsolutePath();

  @TempDir Path dir;

  record Result(int exit, String output) {}

  static Result exec(Path cwd, Map<String, String> env, String... cmd) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(3, TimeUnit.MINUTES), "timed out: " + String.join(" ", cmd));
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  static boolean runs(String... cmd) {
    try {
      return exec(Path.of("."), Map.of(), cmd).exit() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private Path generate(String example, boolean git) {
    Path out = dir.resolve(example);
    List<String> args = new ArrayList<>(List.of("new", "python-package", out.toString(), "--answers",
        Path.of("answers-examples", example + ".yml").toAbsolutePath().toString(), "--non-interactive", "--no-github"));
    if (!git) {
      args.add("--no-git");
    }
    Cli.Run r = Cli.run(dir, Map.of("PATH", System.getenv("PATH")), args.toArray(String[]::new));
    assertEquals(0, r.exit(), r.err());
    return out;
  }

  /** pyenv would pick the project's .python-version, which may lack pytest; any 3.9+ runs the tests. */
  private static Map<String, String> pythonEnv() throws IOException, InterruptedException {
    Map<String, String> env = new HashMap<>(Map.of("PYTHONDONTWRITEBYTECODE", "1", "GIT_CONFIG_NOSYSTEM", "1"));
    Result v = exec(Path.of("."), Map.of(), "python3", "-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])");
    if (v.exit() == 0) {
      env.put("PYENV_VERSION", v.output().strip());
    }
    return env;
  }

  private static List<String> files(Path root, String suffix) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.toString().endsWith(suffix) && !p.startsWith(root.resolve(".git")))
          .map(p -> root.relativize(p).toString()).sorted().toList();
    }
  }

  /** BundledTemplatesBuildIT runs the tests of the two projects without an image. */
  @ParameterizedTest
  @ValueSource(strings = {"python-package-image", "python-package-conda-image"})
  void pytestPassesInTheGeneratedProject(String example) throws Exception {
    Path out = generate(example, false);
    Map<String, String> env = pythonEnv();
    assumeTrue(exec(out, env, "python3", "-m", "pytest", "--version").exit() == 0, "pytest is not installed here");
    Result test = exec(out, env, "python3", "-m", "pytest", "-q", "-p", "no:cacheprovider");
    assertEquals(0, test.exit(), test.output());
    assertTrue(test.output().matches("(?s).*\\b\\d+ passed\\b.*") && !test.output().contains("skipped"), test.output());
  }

  @ParameterizedTest
  @ValueSource(strings = {"python-package-image", "python-package-conda-image"})
  void ruffFindsNothingToLintOrFormat(String example) throws Exception {
    Path wasm = TOOLS.resolve("@astral-sh/ruff-wasm-nodejs");
    assumeTrue(Files.isDirectory(wasm) && runs("node", "--version"),
        "Ruff's WebAssembly build is not in " + TOOLS + " (scripts/install-check-tools installs it)");
    Path out = generate(example, false);
    String pyproject = Files.readString(out.resolve("pyproject.toml"));
    String packageName = Files.list(out.resolve("src")).findFirst().orElseThrow().getFileName().toString();
    List<String> cmd = new ArrayList<>(List.of("node", RUFF_RUNNER.toString(), wasm.toString(), ruffSettings(pyproject, packageName)));
    cmd.addAll(files(out, ".py"));
    Result ruff = exec(out, Map.of(), cmd.toArray(String[]::new));
    assertEquals(0, ruff.exit(), ruff.output());
    assertTrue(ruff.output().contains(" 5 files, 0 problems"), ruff.output());
  }

  /**
   * The project's {@code [tool.ruff]} settings as the WebAssembly API takes them; {@code src} is
   * read from the file system by the real ruff, so the first-party modules are named instead.
   */
  static String ruffSettings(String pyproject, String packageName) {
    String lineLength = find(pyproject, "(?m)^line-length = (\\d+)$");
    String target = find(pyproject, "(?m)^target-version = \"(py\\d+)\"$");
    String select = find(pyproject, "(?m)^select = (\\[.*\\])$");
    return "{\"line-length\":" + lineLength + ",\"target-version\":\"" + target + "\",\"lint\":{\"select\":" + select
        + ",\"isort\":{\"known-first-party\":[\"" + packageName + "\",\"release_version\"]}}}";
  }

  private static String find(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertTrue(m.find(), regex + " in pyproject.toml");
    return m.group(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"python-package", "python-package-conda", "python-package-image", "python-package-conda-image"})
  void workflowsPassActionValidator(String example) throws Exception {
    Path cli = TOOLS.resolve("@action-validator/cli/cli.mjs");
    assumeTrue(Files.isRegularFile(cli) && runs("node", "--version"),
        "action-validator is not in " + TOOLS + " (scripts/install-check-tools installs it)");
    Path out = generate(example, false);
    List<String> workflows = files(out.resolve(".github/workflows"), ".yml");
    assertEquals(List.of("ci.yml", "release.yml", "scaffold-update.yml"), workflows);
    for (String w : workflows) {
      Result r = exec(out, Map.of(), "node", cli.toString(), ".github/workflows/" + w);
      assertEquals(0, r.exit(), w + ": " + r.output());
    }
  }

  @Test
  void dockerfilePassesHadolint() throws Exception {
    assumeTrue(runs("hadolint", "--version"), "hadolint is not installed (neither Debian nor npm packages it here)");
    Path out = generate("python-package-image", false);
    Result r = exec(out, Map.of(), "hadolint", "Dockerfile");
    assertEquals(0, r.exit(), r.output());
  }

  /** What CI's version job does on main, on the project's own history. */
  @Test
  void theVersionCheckAcceptsTheFirstReleaseAndRefusesAStaleVersion() throws Exception {
    Path out = generate("python-package-image", true);
    Map<String, String> env = pythonEnv();
    env.putAll(Map.of("GIT_AUTHOR_NAME", "t", "GIT_AUTHOR_EMAIL", "t@example.com", "GIT_COMMITTER_NAME", "t",
        "GIT_COMMITTER_EMAIL", "t@example.com", "HOME", dir.toString()));
    Result first = exec(out, env, "python3", "scripts/release_version.py", "check");
    assertEquals(new Result(0, "0.1.0\n"), first);

    assertEquals(0, exec(out, env, "git", "tag", "0.1.0").exit());
    Files.writeString(out.resolve("NOTES.md"), "notes\n");
    assertEquals(0, exec(out, env, "git", "add", "NOTES.md").exit());
    assertEquals(0, exec(out, env, "git", "commit", "-q", "-m", "feat: notes").exit());
    Result stale = exec(out, env, "python3", "scripts/release_version.py", "check");
    assertEquals(1, stale.exit(), stale.output());
    assertEquals("pyproject.toml: version 0.1.0 is not the upcoming release 0.2.0 (from the commits since the last tag): "
        + "set version = \"0.2.0\"\n", stale.output());
    Result dev = exec(out, env, "python3", "scripts/release_version.py", "dev", "--sha", "0123456789abcdef");
    assertEquals(new Result(0, "0.2.0.dev0+0123456\n"), dev);
    Result tag = exec(out, env, "python3", "scripts/release_version.py", "image-tag", "--sha", "0123456789abcdef");
    assertEquals(new Result(0, "0.2.0.dev1-0123456\n"), tag);
  }
}
