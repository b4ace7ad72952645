package dev.scaffold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/install PREFIX} and the {@code scripts/scaffold} launcher, run for real on a copy
 * of this checkout's scripts beside the built jar (and native executable, when built): the
 * installed {@code scaffold} works from anywhere, also through further symlinks, and the
 * launcher says what it does before its one long first-run step.
 */
class InstallScriptIT {

  @TempDir Path dir;

  /** A checkout with the real scripts, the built jar, and optionally the native executable and man pages. */
  private Path checkout(boolean withNative, boolean withMan) throws Exception {
    return checkout("checkout", withNative, withMan);
  }

  private Path checkout(String name, boolean withNative, boolean withMan) throws Exception {
    Path c = dir.resolve(name);
    Files.createDirectories(c.resolve("scripts"));
    Files.createDirectories(c.resolve("target"));
    for (String s : new String[] {"install", "scaffold", "build-native"}) {
      Files.copy(Path.of("scripts", s), c.resolve("scripts").resolve(s));
    }
    Files.copy(ScaffoldLauncher.jar(), c.resolve("target").resolve(ScaffoldLauncher.jar().getFileName()));
    if (withNative) {
      Path built = nativeBuild();
      Files.createDirectories(c.resolve("target/native"));
      try (Stream<Path> s = Files.walk(built)) {
        for (Path p : s.toList()) {
          Path to = c.resolve("target/native").resolve(built.relativize(p).toString());
          if (Files.isDirectory(p)) {
            Files.createDirectories(to);
          } else {
            Files.copy(p, to, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
          }
        }
      }
    }
    if (withMan) {
      Files.createDirectories(c.resolve("target/man/man1"));
      Files.writeString(c.resolve("target/man/man1/scaffold.1"), ".TH SCAFFOLD 1\n.SH NAME\nscaffold\n");
      Files.writeString(c.resolve("target/man/man1/scaffold-new.1"), ".TH SCAFFOLD-NEW 1\n");
    }
    return c;
  }

  /** The folder of the native executable under test or built here, or a skip. */
  private static Path nativeBuild() {
    Path exe = ScaffoldLauncher.executable();
    if (exe == null && Files.isExecutable(Path.of("target/native/scaffold"))) {
      exe = Path.of("target/native/scaffold").toAbsolutePath();
    }
    assumeTrue(exe != null, "skipped: no native executable built (scripts/build-native)");
    return exe.getParent();
  }

  private BundledTemplatesBuildIT.Result sh(Map<String, String> extra, String... cmd) throws Exception {
    Map<String, String> env = new HashMap<>(extra);
    env.put("HOME", dir.resolve("home").toString());
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.putIfAbsent("SCAFFOLD_CDS", "0");
    Files.createDirectories(dir.resolve("home"));
    Files.createDirectories(dir.resolve("elsewhere"));
    return BundledTemplatesBuildIT.exec(dir.resolve("elsewhere"), env, 3, cmd);
  }

  @Test
  void withoutANativeBuildTheJarLauncherIsInstalledAndWorksThroughSymlinks() throws Exception {
    Path c = checkout(false, true);
    Path prefix = dir.resolve("prefix");
    BundledTemplatesBuildIT.Result r = sh(Map.of(), c.resolve("scripts/install").toString(), prefix.toString());
    assertEquals(0, r.exit(), r.output());
    assertTrue(r.output().contains("jar launcher"), r.output());
    assertTrue(r.output().contains("scaffold 0.1.0"), r.output());
    assertTrue(r.output().contains("export PATH=\"" + prefix.toRealPath().resolve("bin")), r.output());
    Path bin = prefix.resolve("bin/scaffold");
    assertTrue(Files.isSymbolicLink(bin));
    assertTrue(Files.isRegularFile(prefix.resolve("share/man/man1/scaffold.1")));
    assertTrue(Files.isRegularFile(prefix.resolve("share/man/man1/scaffold-new.1")));

    // on PATH, from another folder, and through a relative symlink to the symlink
    Path other = Files.createDirectories(dir.resolve("other/bin"));
    Files.createSymbolicLink(other.resolve("sc"), Path.of("../../prefix/bin/scaffold"));
    String path = other + ":" + System.getenv("PATH");
    BundledTemplatesBuildIT.Result list = sh(Map.of("PATH", path), "bash", "-c", "sc list");
    assertEquals(0, list.exit(), list.output());
    assertTrue(list.output().contains("java-library"), list.output());
  }

  @Test
  void aNativeBuildIsInstalledWithItsLibrariesAndRunsThroughSymlinks() throws Exception {
    Path c = checkout(true, false);
    Path prefix = dir.resolve("prefix");
    BundledTemplatesBuildIT.Result r = sh(Map.of(), c.resolve("scripts/install").toString(), prefix.toString());
    assertEquals(0, r.exit(), r.output());
    assertTrue(r.output().contains("native executable"), r.output());
    assertTrue(Files.isExecutable(prefix.resolve("lib/scaffold/scaffold")));
    assertFalse(Files.exists(prefix.resolve("share/man")), "no man pages were built");
    Path other = Files.createDirectories(dir.resolve("other"));
    Files.createSymbolicLink(other.resolve("scaffold"), prefix.resolve("bin/scaffold"));
    BundledTemplatesBuildIT.Result v = sh(Map.of(), other.resolve("scaffold").toString(), "--version");
    assertEquals(0, v.exit(), v.output());
    assertTrue(v.output().startsWith("scaffold "), v.output());
    // the checkout can go: the installed copy stands alone
    dev.scaffold.FileTrees.deleteRecursively(c);
    BundledTemplatesBuildIT.Result list = sh(Map.of(), prefix.resolve("bin/scaffold").toString(), "list");
    assertEquals(0, list.exit(), list.output());
    assertTrue(list.output().contains("java-library"), list.output());
  }

  @Test
  void theLauncherSaysSoBeforeTrainingItsArchiveAndOnlyTheFirstTime() throws Exception {
    Path c = checkout(false, false);
    Path onPath = Files.createDirectories(dir.resolve("path"));
    Files.createSymbolicLink(onPath.resolve("scaffold"), c.resolve("scripts/scaffold"));
    Map<String, String> cds = Map.of("SCAFFOLD_CDS", "1");
    BundledTemplatesBuildIT.Result first = sh(cds, onPath.resolve("scaffold").toString(), "--version");
    assertEquals(0, first.exit(), first.output());
    assertTrue(first.output().startsWith("scaffold: training the class-data archive"), first.output());
    assertTrue(first.output().contains("scaffold 0.1.0"), first.output());
    BundledTemplatesBuildIT.Result second = sh(cds, onPath.resolve("scaffold").toString(), "--version");
    assertEquals("scaffold 0.1.0\n", second.output());
  }

  @Test
  void badUsageIsRefusedAndAFailedInstallKeepsTheOldOne() throws Exception {
    Path c = checkout(false, false);
    BundledTemplatesBuildIT.Result usage = sh(Map.of(), c.resolve("scripts/install").toString(), "--prefix", "x");
    assertEquals(2, usage.exit(), usage.output());
    assertTrue(usage.output().startsWith("usage: scripts/install [PREFIX]"), usage.output());

    Path prefix = dir.resolve("prefix");
    assertEquals(0, sh(Map.of(), c.resolve("scripts/install").toString(), prefix.toString()).exit());
    String before = Files.readSymbolicLink(prefix.resolve("bin/scaffold")).toString();
    assertEquals(c.resolve("scripts/scaffold").toString(), before);
    // another checkout, into a PREFIX whose man folder cannot be made: the install fails, and the
    // scaffold installed before is still the one there, working
    Path c2 = checkout("checkout2", false, true);
    Files.writeString(prefix.resolve("share"), "a file where a folder should be\n");
    BundledTemplatesBuildIT.Result failed = sh(Map.of(), c2.resolve("scripts/install").toString(), prefix.toString());
    assertTrue(failed.exit() != 0, failed.output());
    assertEquals(before, Files.readSymbolicLink(prefix.resolve("bin/scaffold")).toString());
    assertEquals(0, sh(Map.of(), prefix.resolve("bin/scaffold").toString(), "--version").exit());
  }

  @Test
  void buildNativeWithoutAToolchainSaysSoAndBuildsNothing() throws Exception {
    // a checkout with no ../shared beside it, no GraalVM, and NATIVE_IMAGE naming nothing
    Path c = checkout(false, false);
    Map<String, String> env = Map.of("NATIVE_IMAGE", dir.resolve("no-such-native-image").toString(),
        "GRAALVM_HOME", "", "JAVA_HOME", dir.resolve("no-jdk").toString(), "PATH", "/usr/bin:/bin");
    BundledTemplatesBuildIT.Result r = sh(env, c.resolve("scripts/build-native").toString());
    assertEquals(3, r.exit(), r.output());
    assertTrue(r.output().startsWith("build-native: no native-image found"), r.output());
    assertFalse(Files.exists(c.resolve("target/native")), "nothing built, nothing half-made");
    BundledTemplatesBuildIT.Result check = sh(env, c.resolve("scripts/build-native").toString(), "--check");
    assertEquals(3, check.exit(), check.output());
  }
}
