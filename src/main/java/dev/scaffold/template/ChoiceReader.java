package dev.scaffold.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scaffold.InputException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads the options of a question: a list of plain values, or a mapping of label to value (as
 * copier allows), written in {@code scaffold.yml} or rendered from a {@code choices} expression.
 */
public final class ChoiceReader {

  private ChoiceReader() {}

  /**
   * @throws IllegalArgumentException naming the wrong shape
   */
  static List<Choice> read(JsonNode node) {
    List<Choice> out = new ArrayList<>();
    if (node == null || node.isNull() || node.isMissingNode()) {
      return out;
    }
    if (node.isArray()) {
      for (JsonNode c : node) {
        if (!c.isValueNode()) {
          throw new IllegalArgumentException("each choice must be a plain value");
        }
        out.add(new Choice(c.asText(), SpecReader.scalar(c)));
      }
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isValueNode()) {
          throw new IllegalArgumentException("the value of choice `" + e.getKey() + "` must be a plain value");
        }
        out.add(new Choice(e.getKey(), SpecReader.scalar(e.getValue())));
      }
    } else {
      throw new IllegalArgumentException("`choices` must be a list, or a mapping of label to value");
    }
    return out;
  }

  /**
   * The choices a rendered {@code choices} expression stands for: its text read as YAML (or
   * JSON), a list or a mapping; nothing at all is no choices.
   *
   * @param where names the question in errors
   */
  public static List<Choice> parse(String rendered, String where) {
    JsonNode root = YamlDocument.parse(rendered, where).root();
    if (root.isValueNode() && !root.isNull()) {
      throw InputException.at(where, "`choices` must render a YAML list or mapping, but gave `" + shorten(rendered) + "`");
    }
    try {
      return read(root);
    } catch (IllegalArgumentException e) {
      throw InputException.at(where, e.getMessage() + ", but `choices` gave `" + shorten(rendered) + "`");
    }
  }

  private static String shorten(String s) {
    String t = s.strip();
    return t.length() <= 80 ? t : t.substring(0, 77) + "...";
  }
}
