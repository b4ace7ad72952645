package dev.scaffold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged jar (or the native executable, see {@link ScaffoldLauncher}) as a user would, on each bundled template's answers example, and builds
 * the generated project with its own tools where they are installed.
 */
class BundledTemplatesBuildIT {

  @TempDir Path dir;

  record Result(int exit, String output) {}

  static Result exec(Path cwd, Map<String, String> env, long minutes, String... cmd) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(minutes, TimeUnit.MINUTES), "timed out: " + String.join(" ", cmd));
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  static Result scaffold(Path cwd, String... args) throws Exception {
    List<String> cmd = ScaffoldLauncher.command(args);
    Result r = exec(cwd, Map.of("GIT_CONFIG_NOSYSTEM", "1"), 2, cmd.toArray(String[]::new));
    String gap = ScaffoldLauncher.metadataGap(r.output());
    assertNull(gap, () -> "native metadata gap in `scaffold " + String.join(" ", args) + "`:\n" + r.output());
    return r;
  }

  private Path generate(String template, String example) throws Exception {
    Path out = dir.resolve(example);
    Result r = scaffold(dir, "new", template, out.toString(), "--answers",
        Path.of("answers-examples", example + ".yml").toAbsolutePath().toString(), "--non-interactive");
    assertEquals(0, r.exit(), r.output());
    assertTrue(Files.isRegularFile(out.resolve(".gitignore")), "the jar keeps the template's .gitignore");
    assertTrue(Files.isRegularFile(out.resolve(".scaffold-answers.yml")));
    assertTrue(Files.isDirectory(out.resolve(".git")));
    return out;
  }

  @Test
  void jarPrintsItsVersionAndListsTheBundledTemplates() throws Exception {
    Result v = scaffold(dir, "--version");
    assertEquals(0, v.exit());
    assertTrue(v.output().startsWith("scaffold "), v.output());
    Result list = scaffold(dir, "list");
    assertEquals(0, list.exit(), list.output());
    for (String t : List.of("java-library", "python-package", "service")) {
      assertTrue(list.output().contains(t), list.output());
    }
  }

  @Test
  void javaLibraryBuildsAndPassesItsTests() throws Exception {
    Path out = generate("java-library", "java-library");
    Result build = exec(out, Map.of(), 10, "mvn", "-B", "-q", "verify");
    assertEquals(0, build.exit(), build.output());
  }

  @Test
  void serviceBuildsAndPassesItsTests() throws Exception {
    Path out = generate("service", "service");
    assertTrue(Files.isRegularFile(out.resolve("Dockerfile")));
    Result build = exec(out, Map.of(), 10, "mvn", "-B", "-q", "verify");
    assertEquals(0, build.exit(), build.output());
  }

  @Test
  void pythonPackagesPassTheirTestsWherePytestIsInstalled() throws Exception {
    for (String example : List.of("python-package", "python-package-conda")) {
      Path out = generate("python-package", example);
      assertTrue(Files.isRegularFile(out.resolve("pyproject.toml")));
      // pyenv would pick the project's .python-version, which may lack pytest; any 3.9+ runs the tests
      Map<String, String> env = pythonEnv(out);
      assumeTrue(exec(out, env, 1, "python3", "-m", "pytest", "--version").exit() == 0, "pytest is not installed here");
      Result test = exec(out, env, 5, "python3", "-m", "pytest", "-q", "-p", "no:cacheprovider");
      assertTrue(test.output().contains("passed"), test.output());
      assertEquals(0, test.exit(), test.output());
    }
  }

  private static Map<String, String> pythonEnv(Path project) throws Exception {
    Map<String, String> env = new java.util.HashMap<>();
    env.put("PYTHONPATH", project.resolve("src").toString());
    Result v = exec(Path.of("."), Map.of(), 1, "python3", "-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])");
    if (v.exit() == 0) {
      env.put("PYENV_VERSION", v.output().strip());
    }
    return env;
  }
}
