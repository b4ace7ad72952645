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
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  private final YamlLines lines;

  private YamlDocument(String displayName, JsonNode root, YamlLines lines) {
    this.displayName = displayName;
    this.root = root;
    this.lines = lines;
  }

  /** Parses text; JSON is valid YAML, so one reader serves both. */
  public static YamlDocument parse(String text, String displayName) {
    YamlLines lines = new YamlLines();
    YamlLimits.checkSize(text, displayName);
    try {
      Parser parser = new ParserImpl(new StreamReader(text), YamlLimits.loaderOptions());
      // like Jackson's readTree (and SnakeYAML's Composer.getNode): the first document, or nothing
      if (parser.checkEvent(Event.ID.StreamStart)) {
        parser.getEvent();
      }
      if (parser.checkEvent(Event.ID.StreamEnd)) {
        return new YamlDocument(displayName, MissingNode.getInstance(), lines);
      }
      parser.getEvent(); // document start
      JsonNode root = new Builder(parser, displayName, lines).node(YamlLines.root(), "");
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
    int line = lines.line(pointer);
    return line == 0 ? displayName : displayName + ":" + line;
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
   * (anchors and aliases resolved), recording the line of every JSON pointer as Jackson's token
   * stream did: a mapping entry at its key, a list item and the root at their start.
   *
   * <p>The composer's guards are ours to keep here ({@link YamlLimits}): duplicate keys are
   * errors, nesting is capped, and an alias shares its anchor's node (never a copy) while the
   * nodes it would expand to are counted, so a "billion laughs" file stops at the cap instead of
   * exhausting whoever walks the tree.
   */
  private static final class Builder {
    private final Parser parser;
    private final String displayName;
    private final YamlLines lines;
    private final Map<String, JsonNode> anchors = new HashMap<>();
    // nodes each anchored node stands for once expanded
    private final Map<JsonNode, Long> expandedSizes = new IdentityHashMap<>();
    private int collectionAliases;
    private long nodes;
    private long aliasNodes;
    private int depth;

    Builder(Parser parser, String displayName, YamlLines lines) {
      this.parser = parser;
      this.displayName = displayName;
      this.lines = lines;
    }

    /** The next node, at {@code segment} of a container; records its line unless its key did already. */
    JsonNode node(int container, String segment) {
      Event e = parser.getEvent();
      lines.record(container, segment, e.getStartMark().getLine() + 1);
      if (e instanceof AliasEvent a) {
        return alias(a);
      }
      long startNodes = nodes++;
      JsonNode out;
      if (e instanceof ScalarEvent sc) {
        out = scalar(sc);
      } else if (e instanceof MappingStartEvent || e instanceof SequenceStartEvent) {
        if (++depth > YamlLimits.MAX_DEPTH) {
          throw limit(e.getStartMark(), "nested deeper than " + YamlLimits.MAX_DEPTH + " levels");
        }
        int self = lines.open(container, segment);
        out = e instanceof MappingStartEvent ? mapping(self) : sequence(self);
        depth--;
      } else {
        throw error(e.getStartMark(), "unexpected " + e.getEventId());
      }
      // anchored once complete: an alias inside itself is undefined, never a cycle in the tree
      if (e instanceof NodeEvent ne && ne.getAnchor() != null) {
        anchors.put(ne.getAnchor(), out);
        expandedSizes.put(out, nodes - startNodes);
      }
      return out;
    }

    private ObjectNode mapping(int self) {
      ObjectNode map = NODES.objectNode();
      while (!parser.checkEvent(Event.ID.MappingEnd)) {
        Event k = parser.getEvent();
        if (!(k instanceof ScalarEvent key)) {
          throw error(k.getStartMark(), "a mapping key must be a plain value");
        }
        if (key.getAnchor() != null) {
          JsonNode keyNode = NODES.textNode(key.getValue());
          anchors.put(key.getAnchor(), keyNode);
          expandedSizes.put(keyNode, 1L);
        }
        String segment = escape(key.getValue());
        int line = k.getStartMark().getLine() + 1;
        if (map.has(key.getValue())) {
          throw InputException.at(displayName + ":" + line, "duplicate key `" + key.getValue() + "`"
              + " (first at line " + lines.line(self, segment) + ")");
        }
        lines.record(self, segment, line);
        map.set(key.getValue(), node(self, segment));
      }
      parser.getEvent();
      return map;
    }

    private ArrayNode sequence(int self) {
      ArrayNode list = NODES.arrayNode();
      int i = 0;
      while (!parser.checkEvent(Event.ID.SequenceEnd)) {
        list.add(node(self, Integer.toString(i++)));
      }
      parser.getEvent();
      return list;
    }

    /** The anchored node itself, shared; what it would expand to is counted against the cap. */
    private JsonNode alias(AliasEvent a) {
      JsonNode target = anchors.get(a.getAnchor());
      if (target == null) {
        throw error(a.getStartMark(), "found undefined alias " + a.getAnchor());
      }
      if (target.isContainerNode() && ++collectionAliases > YamlLimits.MAX_COLLECTION_ALIASES) {
        throw limit(a.getStartMark(), "more than " + YamlLimits.MAX_COLLECTION_ALIASES + " aliases to lists or mappings");
      }
      long size = expandedSizes.getOrDefault(target, 1L);
      aliasNodes += size;
      if (aliasNodes > YamlLimits.MAX_ALIAS_NODES) {
        throw limit(a.getStartMark(), "aliases expand to more than " + YamlLimits.MAX_ALIAS_NODES + " values");
      }
      nodes += size;
      return target;
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
          case INT -> integerScalar(s, v);
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
          return v.isEmpty() ? NODES.textNode(v) : integerScalar(s, v);
        case "float":
          return v.isEmpty() ? NODES.textNode(v) : decimal(s, v);
        default:
          return NODES.textNode(v);
      }
    }

    private JsonNode decimal(ScalarEvent s, String v) {
      if (v.length() > YamlLimits.MAX_NUMBER_CHARS) {
        throw error(s.getStartMark(), "a number longer than " + YamlLimits.MAX_NUMBER_CHARS + " characters");
      }
      String digits = v.replace("_", "");
      if (isInfinityOrNaN(digits)) {
        throw error(s.getStartMark(), "`" + v + "` is not a finite number (numbers are exact decimals; quote it for text)");
      }
      BigDecimal d;
      try {
        d = new BigDecimal(digits);
      } catch (NumberFormatException e) {
        throw error(s.getEndMark(), "Malformed numeric value '" + v + "'");
      }
      if (!YamlLimits.exponentInRange(d)) {
        throw error(s.getStartMark(), "`" + v + "` is out of range: the exponent must be within ±" + YamlLimits.MAX_EXPONENT);
      }
      return NODES.numberNode(d);
    }

    private JsonNode integerScalar(ScalarEvent s, String v) {
      if (v.length() > YamlLimits.MAX_NUMBER_CHARS) {
        throw error(s.getStartMark(), "a number longer than " + YamlLimits.MAX_NUMBER_CHARS + " characters");
      }
      return integer(v);
    }

    private InputException error(Mark at, String what) {
      return InputException.at(displayName + ":" + (at.getLine() + 1) + ":" + (at.getColumn() + 1), "not valid YAML: " + what);
    }

    private InputException limit(Mark at, String what) {
      return InputException.at(displayName + ":" + (at.getLine() + 1) + ":" + (at.getColumn() + 1),
          "refused: " + what + " (a fixed limit of scaffold's YAML reader)");
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

  private static boolean isInfinityOrNaN(String v) {
    String s = v.startsWith("-") || v.startsWith("+") ? v.substring(1) : v;
    return s.equalsIgnoreCase(".inf") || s.equalsIgnoreCase(".nan");
  }

  private static String escape(String key) {
    if (key.indexOf('~') < 0 && key.indexOf('/') < 0) {
      return key;
    }
    return key.replace("~", "~0").replace("/", "~1");
  }

  /**
   * A scalar node as the Java value answers use: Boolean, Long, BigInteger (beyond 64 bits, so
   * that an int question can refuse it rather than see a wrapped value), BigDecimal (exact), or
   * String.
   */
  public static Object plainValue(JsonNode n) {
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isIntegralNumber()) {
      return n.canConvertToLong() ? (Object) n.longValue() : n.bigIntegerValue();
    }
    if (n.isNumber()) {
      return n.decimalValue();
    }
    return n.asText();
  }
}
