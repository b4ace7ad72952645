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

  /** @param prompts whether a person will answer questions, which leaves time to measure the file system */
  static void start(String template, boolean git, boolean prompts) {
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
          dev.scaffold.jgit.JGitClient.measureFileSystem(java.nio.file.Path.of("").toAbsolutePath());
        }
      } catch (RuntimeException | Error e) {
        // only a head start; the main thread does the real work
      }
    }, "scaffold-warm-up");
    t.setDaemon(true);
    t.start();
  }
}
