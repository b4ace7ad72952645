package dev.scaffold.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.template.TemplateVersion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** SPEC §5 version ordering, as update and check use it. */
class VersionsTest {

  @ParameterizedTest(name = "{0} < {1}")
  @CsvSource({
    "1.0.0, 1.0.1",
    "1.0.1, 1.1.0",
    "1.1.0, 2.0.0",
    "1.9.0, 1.10.0",
    "v1.2.3, 1.2.4",
    "1.2.3, v1.2.4",
    "1.3.0-rc.1, 1.3.0",
    "1.3.0rc1, 1.3.0",
    "1.3.0rc2, 1.3.0rc10",
    "1.3.0-rc.2, 1.3.0-rc.10",
    "1.3.0.dev0, 1.3.0a1",
    "1.3.0.dev0, 1.3.0.dev1",
    "1.3.0a1, 1.3.0b1",
    "1.3.0b1, 1.3.0rc1",
    "1.3.0.dev0, 1.3.0",
    "1.2.9, 1.3.0.dev0",
    "1.0.0-alpha, 1.0.0-alpha.1",
    "1.0.0-alpha.1, 1.0.0-alpha.beta",
    "1.0.0-alpha.beta, 1.0.0-beta",
    "1.0.0-beta, 1.0.0-beta.2",
    "1.0.0-beta.2, 1.0.0-beta.11",
    "1.0.0-beta.11, 1.0.0-rc.1",
    "1.0.0-rc.1, 1.0.0",
    "20.09.0, 20.10.0",
    "20.10.0, 24.03.0",
    "24.03.0, 24.03.1",
    "24.03.1, 24.10.0",
    "9.9.9, 20.09.0",
    "24.03.1, 2024.01.0",
  })
  void ordersOlderBeforeNewer(String older, String newer) {
    TemplateVersion a = TemplateVersion.parse(older).orElseThrow();
    TemplateVersion b = TemplateVersion.parse(newer).orElseThrow();
    assertTrue(a.compareTo(b) < 0, older + " < " + newer);
    assertTrue(b.compareTo(a) > 0, newer + " > " + older);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({"v1.2.3, 1.2.3", "2.0, 2.0.0", "1.3.0-rc.1, 1.3.0rc1", "1.0.0+build.5, 1.0.0", "V3.1.0, 3.1.0"})
  void readsEquivalentFormsAsEqual(String a, String b) {
    assertEquals(0, TemplateVersion.parse(a).orElseThrow().compareTo(TemplateVersion.parse(b).orElseThrow()));
  }

  @ParameterizedTest(name = "{0} is a pre-release: {1}")
  @CsvSource({"1.0.0, false", "v2.0.0, false", "24.03.1, false", "1.3.0-rc.1, true", "1.3.0rc1, true",
      "1.3.0.dev0, true", "1.0.0-alpha, true", "2.0.0b2, true"})
  void knowsPrereleases(String tag, boolean pre) {
    assertEquals(pre, TemplateVersion.parse(tag).orElseThrow().isPrerelease());
  }

  @ParameterizedTest(name = "{0} is no version")
  @CsvSource({"latest", "release-1", "v1.x", "foo", "stable", "1.0.0-", "x1.0"})
  void ignoresTagsThatAreNoVersion(String tag) {
    assertTrue(TemplateVersion.parse(tag).isEmpty(), tag);
    assertEquals(List.of(tag), Versions.of(List.of(tag, "1.0.0")).ignored());
  }

  @Test
  void sortsAShuffledListAndPicksTheNewestReleaseUnlessPrereleasesAreAsked() {
    List<String> ordered = List.of("20.09.0", "v21.0.0", "24.03.0.dev0", "24.03.0rc1", "24.03.0", "24.03.1",
        "24.04.0-rc.1");
    List<String> shuffled = new ArrayList<>(ordered);
    shuffled.add("nightly");
    Collections.shuffle(shuffled, new Random(7));
    Versions v = Versions.of(shuffled);
    assertEquals(ordered, v.tags());
    assertEquals(List.of("nightly"), v.ignored());
    assertEquals("24.03.1", v.newest(false).orElseThrow().tag());
    assertEquals("24.04.0-rc.1", v.newest(true).orElseThrow().tag());
    assertTrue(Versions.of(List.of("1.0.0rc1")).newest(false).isEmpty());
  }
}
