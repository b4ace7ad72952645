package dev.scaffold.update;

import dev.scaffold.sandbox.GitHubSandbox;
import dev.scaffold.sandbox.RecordedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The fleet benchmark behind {@code scripts/bench-fleet}: a loopback GitHub with added latency,
 * REPOS repositories generated from the bundled java-library template kept as a tagged git
 * template (v1.0.0, and v2.0.0 changing three files), a third of them edited by their owners, and
 * the real jar updating them all, once with {@code --jobs 1} and once with the default, each run
 * on its own copy of the fleet. Prints wall times and requests per repository.
 *
 * <p>Arguments: {@code JAR ROOT [REPOS] [LATENCY_MS] [JOBS...]} (ROOT is the project folder;
 * defaults 100 repositories, 50 ms, jobs "1" and "default").
 */
public final class FleetBenchMain {

  private FleetBenchMain() {}

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]);
    Path root = Path.of(args[1]);
    int repos = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    int latency = args.length > 3 ? Integer.parseInt(args[3]) : 50;
    List<String> jobs = args.length > 4 ? List.of(args).subList(4, args.length) : List.of("1", "default");
    Path work = Files.createTempDirectory("scaffold-bench-fleet-");
    try (GitHubSandbox gh = GitHubSandbox.builder().token("bench-token", "bencher").org("bench").rateLimit(100_000)
        .start()) {
      Path template = template(root, work.resolve("template"));
      Map<String, String> v1 = render(root, template, work);
      System.out.printf("template: bundled java-library as a git template, %d files in a generated project; "
          + "v2.0.0 changes 3 of them%n", v1.size());
      long t0 = System.nanoTime();
      for (int run = 0; run < jobs.size(); run++) {
        for (int i = 1; i <= repos; i++) {
          Map<String, String> edits = new LinkedHashMap<>();
          if (i % 3 == 0) {
            edits.put(".gitignore", "# ours\n*.local\n" + v1.get(".gitignore"));
          }
          FleetFixture.seed(gh, work, String.format("bench/r%d-%03d", run, i), v1, edits);
        }
      }
      System.out.printf("seeded %d repositories per run in %.1f s (latency off while seeding)%n", repos,
          (System.nanoTime() - t0) / 1e9);

      gh.latencyMs(latency);
      System.out.printf("%-14s %10s %12s %14s %14s %6s%n", "--jobs", "wall (s)", "s / repo", "API req/repo",
          "git req/repo", "exit");
      for (int run = 0; run < jobs.size(); run++) {
        Path list = work.resolve("repos-" + run + ".txt");
        StringBuilder names = new StringBuilder();
        for (int i = 1; i <= repos; i++) {
          names.append(String.format("bench/r%d-%03d%n", run, i));
        }
        Files.writeString(list, names.toString());
        List<String> cmd = new ArrayList<>(List.of("java", "-XX:TieredStopAtLevel=1"));
        String extra = System.getenv("BENCH_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
          cmd.addAll(List.of(extra.trim().split("\\s+")));
        }
        cmd.addAll(List.of("-jar", jar.toString(), "update", "--repos-file", list.toString(), "--github-url",
            gh.baseUrl(), "--defaults"));
        if (!jobs.get(run).equals("default")) {
          cmd.addAll(List.of("--jobs", jobs.get(run)));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
            .redirectOutput(work.resolve("run-" + run + ".log").toFile());
        pb.environment().put("GITHUB_TOKEN", gh.token());
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().put("NO_COLOR", "1");
        gh.clearRequests();
        long start = System.nanoTime();
        int code = pb.start().waitFor();
        double wall = (System.nanoTime() - start) / 1e9;
        List<RecordedRequest> log = gh.requests();
        long api = log.stream().filter(r -> !r.path().startsWith("/git/")).count();
        long git = log.size() - api;
        System.out.printf("%-14s %10.1f %12.3f %14.2f %14.2f %6d%n", jobs.get(run).equals("default")
            ? "default (" + FleetRequest.defaultJobs() + ")" : jobs.get(run), wall, wall / repos,
            (double) api / repos, (double) git / repos, code);
        String out = Files.readString(work.resolve("run-" + run + ".log"), StandardCharsets.UTF_8);
        out.lines().filter(l -> l.startsWith("Fleet update of")).forEach(l -> System.out.println("  " + l));
        if (code != 0) {
          System.out.println(out.lines().filter(l -> l.contains("failed") || l.contains("error")).limit(5)
              .reduce("", (a, b) -> a + "  " + b + "\n"));
        }
      }
    } finally {
      dev.scaffold.FileTrees.deleteQuietly(work);
    }
  }

  /** The bundled java-library template as a git repository: v1.0.0 as shipped, v2.0.0 with three changes. */
  private static Path template(Path root, Path dir) throws Exception {
    Path src = root.resolve("templates/java-library");
    Map<String, String> v1 = new LinkedHashMap<>();
    try (Stream<Path> s = Files.walk(src)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        v1.put(src.relativize(p).toString(), Files.readString(p, StandardCharsets.ISO_8859_1));
      }
    }
    TemplateFixture.version(dir, "v1.0.0", false, v1);
    Map<String, String> v2 = new LinkedHashMap<>(v1);
    v2.compute("template/.gitignore", (k, v) -> v + "# added in v2\n*.bak\n");
    v2.compute("template/.editorconfig", (k, v) -> v + "\n[*.md]\ntrim_trailing_whitespace = false\n");
    v2.compute("template/.github/workflows/ci.yml.ftl", (k, v) -> v + "# v2: same jobs, new comment\n");
    TemplateFixture.version(dir, "v2.0.0", false, v2);
    return dir;
  }

  private static Map<String, String> render(Path root, Path template, Path work) throws IOException {
    Path out = work.resolve("render");
    Path answers = work.resolve("answers.yml");
    Files.copy(root.resolve("answers-examples/java-library.yml"), answers, StandardCopyOption.REPLACE_EXISTING);
    TemplateFixture.Run r = TemplateFixture.cli(work, "new", template.toString(), out.toString(), "--version", "v1.0.0",
        "--answers", answers.toString(), "--non-interactive", "--no-git", "--no-github", "--yes");
    if (r.code() != 0) {
      throw new IllegalStateException("scaffold new failed: " + r.err());
    }
    return TemplateFixture.readTree(out);
  }
}
