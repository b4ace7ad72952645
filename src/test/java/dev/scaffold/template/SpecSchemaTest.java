package dev.scaffold.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scaffold.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps the published JSON Schema and the reader in agreement. */
class SpecSchemaTest {

  private static final JsonNode SCHEMA = SpecSchema.schemaTree();

  private static Set<String> keys(JsonNode properties) {
    Set<String> out = new HashSet<>();
    properties.fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void schemaAndReaderAcceptTheSameKeys() {
    JsonNode defs = SCHEMA.get("$defs");
    assertEquals(SpecReader.TOP_KEYS, keys(SCHEMA.get("properties")));
    assertEquals(SpecReader.QUESTION_KEYS, keys(defs.get("question").get("properties")));
    assertEquals(SpecReader.TASK_KEYS, keys(defs.get("task").get("properties")));
    assertEquals(SpecReader.MIGRATION_KEYS, keys(defs.get("migration").get("properties")));
    assertEquals(SpecReader.GITHUB_KEYS, keys(defs.get("github").get("properties")));
    assertEquals(SpecReader.PROTECTION_KEYS, keys(defs.get("github").get("properties").get("protection").get("oneOf").get(1).get("properties")));
    assertEquals(SpecReader.PULL_REQUEST_KEYS, keys(defs.get("github").get("properties").get("pull_request").get("oneOf").get(1).get("properties")));
    Set<String> types = new HashSet<>();
    defs.get("question").get("properties").get("type").get("enum").forEach(n -> types.add(n.asText()));
    Set<String> enumTypes = new HashSet<>();
    for (QuestionType t : QuestionType.values()) {
      enumTypes.add(t.yamlName());
    }
    assertEquals(enumTypes, types);
  }

  @Test
  void schemaFlagsUnknownKeysWithTheirLine() {
    YamlDocument doc = YamlDocument.parse("name: x\nquestions:\n  - name: a\n    typo: 1\n", "s.yml");
    List<Problem> problems = SpecSchema.validate(doc);
    assertFalse(problems.isEmpty());
    assertTrue(problems.stream().anyMatch(p -> p.what().contains("typo")), problems.toString());
  }

  @Test
  void everyBundledTemplateSatisfiesSchemaAndReader() throws Exception {
    Path templates = Path.of("templates");
    try (Stream<Path> s = Files.list(templates)) {
      List<Path> dirs = s.filter(Files::isDirectory).toList(); // templates/.index is no template
      assertFalse(dirs.isEmpty(), "no bundled templates found");
      for (Path dir : dirs) {
        Path yml = dir.resolve("scaffold.yml");
        String text = Files.readString(yml);
        assertEquals(List.of(), SpecSchema.validate(YamlDocument.parse(text, yml.toString())), yml.toString());
        SpecReader.read(text, yml.toString());
      }
    }
  }
}
