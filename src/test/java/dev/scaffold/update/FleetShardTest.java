package dev.scaffold.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scaffold.InputException;
import dev.scaffold.sandbox.GitHubSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code update --shard K/N}: shards run one after another cover every repository exactly once. */
class FleetShardTest {

  @TempDir Path tmp;

  @Test
  void fourShardsOverFiftyRepositoriesCoverEachExactlyOnce() throws Exception {
    try (GitHubSandbox gh = GitHubSandbox.builder().token("t0k3n", "octo").org("acme").start()) {
      Path template = FleetFixture.template(tmp.resolve("template"));
      Map<String, String> v1 = FleetFixture.renderV1(template, tmp);
      StringBuilder file = new StringBuilder();
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= 50; i++) {
        String name = String.format("acme/svc-%02d", i);
        names.add(name);
        FleetFixture.seed(gh, tmp, name, v1, Map.of());
        file.append(name).append('\n');
      }
      Path list = tmp.resolve("repos.txt");
      Files.writeString(list, file.toString());
      Set<String> seen = new HashSet<>();
      List<Integer> sizes = new ArrayList<>();
      for (int k = 1; k <= 4; k++) {
        FleetCommandTest.Run r = FleetCommandTest.cli(tmp, gh, false, Map.of(), "update", "--repos-file", list.toString(),
            "--shard", k + "/4", "--defaults", "--json", "--jobs", "4");
        assertEquals(0, r.code(), r.err());
        List<JsonNode> results = FleetCommandTest.lines(r.out());
        sizes.add(results.size());
        for (JsonNode n : results) {
          assertEquals("opened", n.path("status").asText(), n.toString());
          assertTrue(seen.add(n.path("repo").asText()), "in two shards: " + n);
        }
      }
      assertEquals(new HashSet<>(names), seen);
      assertTrue(sizes.stream().allMatch(s -> s > 5), "shares are roughly even: " + sizes);
      for (String name : names) {
        assertEquals(1, gh.repo(name).orElseThrow().pulls().size(), name);
      }
    }
  }

  @Test
  void theShareOfARepositoryDoesNotDependOnTheRestOfTheSelection() {
    Shard s = Shard.parse("3/7");
    List<String> all = List.of("acme/a", "acme/b", "Acme/C", "octo/x");
    for (String n : all) {
      assertEquals(s.contains(n), s.select(List.of(n)).size() == 1);
      assertEquals(s.contains(n), s.contains(n.toUpperCase()), "case does not move it");
    }
    assertEquals(List.of("acme/a", "acme/b", "Acme/C", "octo/x"), Shard.parse("1/1").select(all));
  }

  @Test
  void aBadShardIsNamed() {
    for (String bad : List.of("0/4", "5/4", "a/b", "4", "1/0", "1/4/2")) {
      InputException e = assertThrows(InputException.class, () -> Shard.parse(bad));
      assertTrue(e.getMessage().contains("expected K/N"), e.getMessage());
    }
  }
}
