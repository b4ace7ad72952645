package dev.scaffold.template;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.scaffold.InputException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML (or JSON) document read into a tree, remembering the line of every node so that errors
 * can point at {@code file:line}.
 */
public final class YamlDocument {

  private static final YAMLFactory YAML = new YAMLFactory();
  // exact decimals keep `3.10` from turning into 3.1
  private static final ObjectMapper MAPPER =
      new ObjectMapper(YAML)
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));

  private final String displayName;
  private final JsonNode root;
  private final Map<String, Integer> lines;

  private YamlDocument(String displayName, JsonNode root, Map<String, Integer> lines) {
    this.displayName = displayName;
    this.root = root;
    this.lines = lines;
  }

  /** Parses text; JSON is valid YAML, so one reader serves both. */
  public static YamlDocument parse(String text, String displayName) {
    try {
      JsonNode root = MAPPER.readTree(text);
      Map<String, Integer> lines = new HashMap<>();
      try (JsonParser p = YAML.createParser(text)) {
        while (p.nextToken() != null) {
          // a field name and its value share a pointer; the first token (the key) wins
          String pointer = p.getParsingContext().pathAsPointer().toString();
          lines.putIfAbsent(pointer, p.currentTokenLocation().getLineNr());
        }
      }
      return new YamlDocument(displayName, root, lines);
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      String where = loc == null ? displayName : displayName + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
      throw InputException.at(where, "not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""));
    } catch (IOException e) {
      throw InputException.at(displayName, "cannot be read: " + e.getMessage());
    }
  }

  public JsonNode root() {
    return root;
  }

  public String displayName() {
    return displayName;
  }

  /** {@code file:line} for the node at a JSON pointer such as {@code /questions/2/type}. */
  public String where(String pointer) {
    Integer line = lines.get(pointer);
    while (line == null && pointer.lastIndexOf('/') > 0) {
      pointer = pointer.substring(0, pointer.lastIndexOf('/'));
      line = lines.get(pointer);
    }
    return line == null ? displayName : displayName + ":" + line;
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
