package dev.scaffold.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.scaffold.testing.Tmux;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The real jar in a pseudo-terminal: {@code scripts/e2e-interactive} types a whole {@code scaffold new}. */
class InteractiveJarIT {

  @Test
  void bareScaffoldNewCreatesTheJavaLibraryByKeystrokes() throws Exception {
    assumeTrue(Tmux.installed(), "tmux is not installed");
    String jar = System.getProperty("scaffold.jar", "target/scaffold-0.1.0.jar");
    Path log = Files.createTempFile("e2e-interactive", ".log");
    ProcessBuilder pb = new ProcessBuilder("scripts/e2e-interactive").redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("SCAFFOLD_JAR", jar);
    Process p = pb.start();
    boolean finished = p.waitFor(240, TimeUnit.SECONDS);
    if (!finished) {
      p.destroy();
      p.waitFor(10, TimeUnit.SECONDS);
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    Files.deleteIfExists(log);
    assertTrue(finished, "the script must stay bounded in time:\n" + output);
    assumeTrue(p.exitValue() != 77, output);
    assertEquals(0, p.exitValue(), output);
    assertTrue(output.contains("✔ Java release to compile for: 21"), output);
    assertTrue(output.contains("Created "), output);
  }
}
