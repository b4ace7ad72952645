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
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * A YAML (or JSON) document read into a tree, remembering the line of every node so that errors
 * can point at {@code file:line}.
 *
 * <p>Read from SnakeYAML's parser events (the parser under Jackson's YAML module) into Jackson
 * tree nodes without an {@link ObjectMapper}: a mapper costs ~90 ms of class loading and locale
 * set-up per run, more than rendering a small template. Scalars are typed as Jackson's YAML
 * parser types them (YAML 1.1 resolution: {@code yes}/{@code off} are booleans, {@code 012} is
 * octal, {@code 3.10} stays an exact decimal), which {@code YamlDocumentTest} checks against
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
      Parser parser = new ParserImpl(new StreamReader(text), new LoaderOptions());
      // like Jackson's readTree (and SnakeYAML's Composer.getNode): the first document, or nothing
      if (parser.checkEvent(Event.ID.StreamStart)) {
        parser.getEvent();
      }
      if (parser.checkEvent(Event.ID.StreamEnd)) {
        return new YamlDocument(displayName, MissingNode.getInstance(), lines);
      }
      parser.getEvent(); // document start
      JsonNode root = new Builder(parser, displayName, lines).node("");
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

  /**
   * SnakeYAML parser events to Jackson nodes, as SnakeYAML's composer would build its nodes
   * (anchors and aliases resolved, at most 50 aliases to collections), recording the line of
   * every JSON pointer as Jackson's token stream did: a mapping entry at its key, a list item and
   * the root at their start.
   */
  private static final class Builder {
    private static final int MAX_COLLECTION_ALIASES = 50;

    private final Parser parser;
    private final String displayName;
    private final Map<String, Integer> lines;
    private final Map<String, JsonNode> anchors = new HashMap<>();
    private int collectionAliases;

    Builder(Parser parser, String displayName, Map<String, Integer> lines) {
      this.parser = parser;
      this.displayName = displayName;
      this.lines = lines;
    }

    /** The next node; records its line under {@code pointer} unless a key did already. */
    JsonNode node(String pointer) {
      Event e = parser.getEvent();
      lines.putIfAbsent(pointer, e.getStartMark().getLine() + 1);
      if (e instanceof AliasEvent a) {
        JsonNode target = anchors.get(a.getAnchor());
        if (target == null) {
          throw error(e.getStartMark(), "found undefined alias " + a.getAnchor());
        }
        if (target.isContainerNode() && ++collectionAliases > MAX_COLLECTION_ALIASES) {
          throw error(e.getStartMark(), "Number of aliases for non-scalar nodes exceeds the specified max="
              + MAX_COLLECTION_ALIASES);
        }
        return target;
      }
      JsonNode out;
      if (e instanceof ScalarEvent sc) {
        out = scalar(sc);
      } else if (e instanceof MappingStartEvent) {
        ObjectNode map = NODES.objectNode();
        while (!parser.checkEvent(Event.ID.MappingEnd)) {
          Event k = parser.getEvent();
          if (!(k instanceof ScalarEvent key)) {
            throw error(k.getStartMark(), "a mapping key must be a plain value");
          }
          if (key.getAnchor() != null) {
            anchors.put(key.getAnchor(), NODES.textNode(key.getValue()));
          }
          String child = pointer + "/" + escape(key.getValue());
          lines.putIfAbsent(child, k.getStartMark().getLine() + 1);
          map.set(key.getValue(), node(child));
        }
        parser.getEvent();
        // anchored once complete: an alias inside itself is undefined, never a cycle in the tree
        anchor(e, map);
        return map;
      } else if (e instanceof SequenceStartEvent) {
        ArrayNode list = NODES.arrayNode();
        int i = 0;
        while (!parser.checkEvent(Event.ID.SequenceEnd)) {
          list.add(node(pointer + "/" + i++));
        }
        parser.getEvent();
        anchor(e, list);
        return list;
      } else {
        throw error(e.getStartMark(), "unexpected " + e.getEventId());
      }
      anchor(e, out);
      return out;
    }

    private void anchor(Event e, JsonNode node) {
      if (e instanceof NodeEvent ne && ne.getAnchor() != null) {
        anchors.put(ne.getAnchor(), node);
      }
    }

    /** Types a scalar as Jackson's YAMLParser does: by its resolved (or explicit) YAML 1.1 tag. */
    private JsonNode scalar(ScalarEvent s) {
      String v = s.getValue();
      String tag = s.getTag();
      if (tag == null || tag.equals("!")) {
        if (!s.getImplicit().canOmitTagInPlainScalar()) {
          return NODES.textNode(v);
        }
        return switch (YamlScalars.resolve(v)) {
          case NULL -> NODES.nullNode();
          case BOOL -> NODES.booleanNode(yamlBoolean(v));
          case INT -> integer(v);
          case FLOAT -> decimal(s, v);
          default -> NODES.textNode(v);
        };
      }
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

    private JsonNode decimal(ScalarEvent s, String v) {
      try {
        return NODES.numberNode(new BigDecimal(v.replace("_", "")));
      } catch (NumberFormatException e) {
        throw error(s.getEndMark(), "Malformed numeric value '" + v + "'");
      }
    }

    private InputException error(Mark at, String what) {
      return InputException.at(displayName + ":" + (at.getLine() + 1) + ":" + (at.getColumn() + 1), "not valid YAML: " + what);
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

  /** A scalar node as the Java value answers use: Boolean, Long, BigDecimal (exact), or String. */
  public static Object plainValue(JsonNode n) {
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isIntegralNumber()) {
      return n.longValue();
    }
    if (n.isNumber()) {
      return n.decimalValue();
    }
    return n.asText();
  }
}
