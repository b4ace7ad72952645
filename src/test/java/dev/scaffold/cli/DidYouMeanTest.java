package dev.scaffold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.scaffold.testing.Cli;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mistyped command or option is a usage error that names the closest ones. */
class DidYouMeanTest {

  @TempDir Path dir;

  private void assertSuggests(String expected, String... args) {
    Cli.Run r = Cli.run(dir, args);
    assertEquals(2, r.exit(), r.err());
    assertEquals(expected, r.err().lines().limit(2).reduce((a, b) -> a + "\n" + b).orElse(""), r.err());
    assertEquals("", r.out());
  }

  @Test
  void mistypedCommand() {
    assertSuggests("error: unknown command `nwe`\n  did you mean: new?", "nwe");
    assertSuggests("error: unknown command `lnt`\n  did you mean: lint?", "template", "lnt");
  }

  @Test
  void mistypedOptionOnNewUpdateAndCheck() {
    assertSuggests("error: unknown option `--forse`\n  did you mean: --force?", "new", "tpl", "--forse");
    assertSuggests("error: unknown option `--comit`\n  did you mean: --commit?", "update", "--comit");
    assertSuggests("error: unknown option `--jsn`\n  did you mean: --json?", "check", "--jsn");
    assertSuggests("error: unknown option `--dry`\n  did you mean: --dry-run?", "new", "--dry=x");
  }

  @Test
  void nothingCloseSuggestsNothing() {
    Cli.Run r = Cli.run(dir, "zzzzzz");
    assertEquals(2, r.exit());
    assertEquals("error: unknown command `zzzzzz`", r.err().lines().findFirst().orElse(""));
    assertFalse(r.err().contains("did you mean"), r.err());
  }

  @Test
  void aSwapIsOneEdit() {
    assertEquals(1, Suggestions.distance("nwe", "new"));
    assertEquals(2, Suggestions.distance("lsit", "lint"));
  }
}
