package dev.scaffold.cli;

/**
 * Initialises JGit's file-system layer on a second core while {@code new} reads the answers and
 * scaffold.yml, when the run will use git (or the template may be a repository). Only reads; a
 * failure here changes nothing (the real use repeats the work and reports).
 *
 * <p>FreeMarker is not warmed up: templates whose files and names fit {@code SimpleTemplate}
 * never load it, and warming it up speculatively cost them ~0.1 s of CPU (small: 0.33 to 0.24 s,
 * medium: 0.55 to 0.43 s CPU without it, same-run medians on a loaded machine).
 */
final class NewWarmUp {

  private NewWarmUp() {}

  /**
   * @param prompts whether a person will answer questions, which leaves time to measure the file system
   * @param env where the cache folder is ({@code XDG_CACHE_HOME}, {@code HOME})
   */
  static void start(String template, boolean git, boolean prompts, java.util.Map<String, String> env) {
    if (Runtime.getRuntime().availableProcessors() < 2 || "false".equals(System.getProperty("scaffold.warmUp"))) {
      return;
    }
    java.nio.file.Path dir = template == null ? null : java.nio.file.Path.of(template).toAbsolutePath();
    if (!git && (dir == null || !dev.scaffold.jgit.JGitClient.mayBeRepository(dir))) {
      return;
    }
    Thread t = new Thread(() -> {
      try {
        // JGit's FS: the template resolver asks about a repository, git init needs it
        new dev.scaffold.jgit.JGitClient().isRepository(dir == null ? java.nio.file.Path.of("") : dir);
        if (prompts && git) {
          dev.scaffold.jgit.JGitClient.measureFileSystem(java.nio.file.Path.of("").toAbsolutePath(), probeFolder(env));
        }
      } catch (RuntimeException | Error e) {
        // only a head start; the main thread does the real work
      }
    }, "scaffold-warm-up");
    t.setDaemon(true);
    t.start();
  }

  /**
   * Where JGit's timestamp probes go: {@code $XDG_CACHE_HOME/scaffold/fs-probe}, else {@code
   * ~/.cache/scaffold/fs-probe}; never the folder the user runs scaffold in, where a run that ends
   * mid-measurement would leave a {@code .probe-*} file.
   */
  static java.nio.file.Path probeFolder(java.util.Map<String, String> env) {
    String xdg = env.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank() && java.nio.file.Path.of(xdg).isAbsolute()) {
      return java.nio.file.Path.of(xdg, "scaffold", "fs-probe");
    }
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    return java.nio.file.Path.of(home, ".cache", "scaffold", "fs-probe");
  }
}
