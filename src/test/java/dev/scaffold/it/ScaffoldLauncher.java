package dev.scaffold.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How the jar-level tests start scaffold: {@code java -jar} on the packaged jar ({@code scaffold.jar}),
 * or, when the system property {@code scaffold.exe} names one, the native executable, so that the
 * same tests check both. A native run reports any reflection, resource or proxy registration its
 * reachability metadata lacks as a warning instead of failing quietly, for the tests to find.
 */
final class ScaffoldLauncher {

  /** Printed by a native executable that used something its metadata does not register. */
  static final List<String> METADATA_GAPS = List.of("missing registration", "MissingReflectionRegistration",
      "MissingResourceRegistration", "MissingJNIRegistration", "MissingSerializationRegistration",
      "unsupported libjvm entry", "UnsupportedFeatureError", "is not supported", "Provider \"jar\" not found");

  private ScaffoldLauncher() {}

  /** The native executable under test, or null when the tests run the jar. */
  static Path executable() {
    String exe = System.getProperty("scaffold.exe", "").strip();
    if (exe.isEmpty()) {
      return null;
    }
    Path p = Path.of(exe).toAbsolutePath();
    if (!Files.isExecutable(p)) {
      throw new IllegalStateException("scaffold.exe=" + exe + " is not an executable file");
    }
    return p;
  }

  static boolean isNative() {
    return executable() != null;
  }

  static Path jar() {
    return Path.of(System.getProperty("scaffold.jar", "target/scaffold-0.1.0.jar")).toAbsolutePath();
  }

  /** The command line that runs scaffold with these arguments. */
  static List<String> command(String... args) {
    Path exe = executable();
    List<String> cmd = new ArrayList<>();
    if (exe != null) {
      cmd.add(exe.toString());
      cmd.add("-XX:MissingRegistrationReportingMode=Warn");
    } else {
      cmd.addAll(List.of("java", "-XX:TieredStopAtLevel=1", "-jar", jar().toString()));
    }
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** The first line of output that says the native executable lacked metadata, or null. */
  static String metadataGap(String output) {
    for (String line : output.lines().toList()) {
      for (String gap : METADATA_GAPS) {
        if (line.contains(gap)) {
          return line;
        }
      }
    }
    return null;
  }
}
