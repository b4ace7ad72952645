package dev.scaffold.template;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.scaffold.InputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A YAML (or JSON) document read into a tree, remembering the line of every node so that errors
 * can point at {@code file:line}.
 *
 * <p>Read with SnakeYAML's composer (the parser under Jackson's YAML module) and built into
 * Jackson tree nodes without an {@link ObjectMapper}: a mapper costs ~90 ms of class loading and
 * locale set-up per run, more than rendering a small template. Scalars are typed as Jackson's
 * YAML parser types them (YAML 1.1 resolution: {@code yes}/{@code off} are booleans, {@code 012}
 * is octal, {@code 3.10} stays an exact decimal), which {@code YamlDocumentTest} checks against
 * Jackson itself.
 */
public final class YamlDocument {

  // exact decimals keep `3.10` from turning into 3.1
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
  private static final String YAML_TAG = "tag:yaml.org,2002:";

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
    Map<String, Integer> lines = new HashMap<>();
    try {
      LoaderOptions options = new LoaderOptions();
      Composer composer = new Composer(new ParserImpl(new StreamReader(text), options), new Resolver(), options);
      // like Jackson's readTree: the first document, or nothing
      Node node = composer.checkNode() ? composer.getNode() : null;
      if (node == null) {
        return new YamlDocument(displayName, MissingNode.getInstance(), lines);
      }
      JsonNode root = new Builder(displayName, lines).build(node, "");
      return new YamlDocument(displayName, root, lines);
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String where = m == null ? displayName : displayName + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1);
      throw InputException.at(where, "not valid YAML: " + firstLine(e.getMessage()));
    } catch (YAMLException e) {
      throw InputException.at(displayName, "not valid YAML: " + firstLine(e.getMessage()));
    }
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
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

  /**
   * A Jackson mapper for the few places off the {@code new} path that need one (the JSON Schema
   * check of {@code template lint}); built on first use.
   */
  public static ObjectMapper mapper() {
    return MapperHolder.MAPPER;
  }

  private static final class MapperHolder {
    static final ObjectMapper MAPPER =
        new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(NODES);
  }

  /** A tree node as plain Java values: maps, lists, strings, booleans, numbers and nulls. */
  public static Object toJava(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return null;
    }
    if (n.isObject()) {
      Map<String, Object> out = new LinkedHashMap<>();
      n.fields().forEachRemaining(e -> out.put(e.getKey(), toJava(e.getValue())));
      return out;
    }
    if (n.isArray()) {
      List<Object> out = new ArrayList<>(n.size());
      n.forEach(c -> out.add(toJava(c)));
      return out;
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isNumber()) {
      return n.numberValue();
    }
    return n.asText();
  }

  /** SnakeYAML nodes to Jackson nodes, recording the line of every JSON pointer as Jackson's token stream would. */
  private static final class Builder {
    private final String displayName;
    private final Map<String, Integer> lines;

    Builder(String displayName, Map<String, Integer> lines) {
      this.displayName = displayName;
      this.lines = lines;
    }

    JsonNode build(Node node, String pointer) {
      lines.putIfAbsent(pointer, node.getStartMark().getLine() + 1);
      return value(node, pointer);
    }

    private JsonNode value(Node node, String pointer) {
      if (node instanceof MappingNode m) {
        ObjectNode out = NODES.objectNode();
        for (NodeTuple t : m.getValue()) {
          Node k = t.getKeyNode();
          if (!(k instanceof ScalarNode key)) {
            Mark at = k.getStartMark();
            throw InputException.at(displayName + ":" + (at.getLine() + 1) + ":" + (at.getColumn() + 1),
                "not valid YAML: a mapping key must be a plain value");
          }
          String child = pointer + "/" + escape(key.getValue());
          lines.putIfAbsent(child, k.getStartMark().getLine() + 1);
          out.set(key.getValue(), value(t.getValueNode(), child));
        }
        return out;
      }
      if (node instanceof SequenceNode s) {
        ArrayNode out = NODES.arrayNode(s.getValue().size());
        int i = 0;
        for (Node item : s.getValue()) {
          out.add(build(item, pointer + "/" + i++));
        }
        return out;
      }
      return scalar((ScalarNode) node);
    }

    /** Types a scalar as Jackson's YAMLParser does: by its resolved (or explicit) YAML 1.1 tag. */
    private JsonNode scalar(ScalarNode s) {
      String v = s.getValue();
      String tag = s.getTag().getValue();
      if (tag.startsWith(YAML_TAG)) {
        tag = tag.substring(YAML_TAG.length());
      }
      switch (tag) {
        case "null":
          return NODES.nullNode();
        case "bool": {
          Boolean b = yamlBoolean(v);
          return b == null ? NODES.textNode(v) : NODES.booleanNode(b);
        }
        case "int":
          return v.isEmpty() ? NODES.textNode(v) : integer(v);
        case "float":
          return v.isEmpty() ? NODES.textNode(v) : decimal(s, v);
        default:
          return NODES.textNode(v);
      }
    }

    private JsonNode decimal(ScalarNode s, String v) {
      try {
        return NODES.numberNode(new BigDecimal(v.replace("_", "")));
      } catch (NumberFormatException e) {
        Mark at = s.getEndMark();
        throw InputException.at(displayName + ":" + (at.getLine() + 1) + ":" + (at.getColumn() + 1),
            "not valid YAML: Malformed numeric value '" + v + "'");
      }
    }
  }

  /** YAML 1.1 booleans, any case: y/n, yes/no, on/off, true/false. */
  static Boolean yamlBoolean(String v) {
    switch (v.length()) {
      case 1:
        return switch (v.charAt(0)) {
          case 'y', 'Y' -> Boolean.TRUE;
          case 'n', 'N' -> Boolean.FALSE;
          default -> null;
        };
      case 2:
        return v.equalsIgnoreCase("no") ? Boolean.FALSE : v.equalsIgnoreCase("on") ? Boolean.TRUE : null;
      case 3:
        return v.equalsIgnoreCase("yes") ? Boolean.TRUE : v.equalsIgnoreCase("off") ? Boolean.FALSE : null;
      case 4:
        return v.equalsIgnoreCase("true") ? Boolean.TRUE : null;
      case 5:
        return v.equalsIgnoreCase("false") ? Boolean.FALSE : null;
      default:
        return null;
    }
  }

  /** A YAML 1.1 integer: sign, underscores, 0x hex, 0b binary, 0 octal; sexagesimal stays text. */
  static JsonNode integer(String v) {
    String s = v.replace("_", "");
    boolean negative = false;
    if (s.startsWith("-") || s.startsWith("+")) {
      negative = s.charAt(0) == '-';
      s = s.substring(1);
    }
    BigInteger b;
    try {
      if (s.indexOf(':') >= 0) {
        return NODES.textNode(v);
      } else if (s.startsWith("0x")) {
        b = new BigInteger(s.substring(2), 16);
      } else if (s.startsWith("0b")) {
        b = new BigInteger(s.substring(2), 2);
      } else if (s.length() > 1 && s.charAt(0) == '0') {
        b = new BigInteger(s.substring(1), 8);
      } else {
        b = new BigInteger(s);
      }
    } catch (NumberFormatException e) {
      return NODES.textNode(v);
    }
    if (negative) {
      b = b.negate();
    }
    if (b.bitLength() < 32) {
      return NODES.numberNode(b.intValue());
    }
    if (b.bitLength() < 64) {
      return NODES.numberNode(b.longValue());
    }
    return NODES.numberNode(b);
  }

  private static String escape(String key) {
    if (key.indexOf('~') < 0 && key.indexOf('/') < 0) {
      return key;
    }
    return key.replace("~", "~0").replace("/", "~1");
  }
}
