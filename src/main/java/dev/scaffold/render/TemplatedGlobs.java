package dev.scaffold.render;

import dev.scaffold.InputException;
import dev.scaffold.engine.TemplateEngine;
import dev.scaffold.template.TemplateSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code exclude} and {@code skip_if_exists} as a render sees them: each entry rendered with the
 * answers (the same sandboxed engine and limits as every other {@code scaffold.yml} value), so that
 * {@code ${docs?then('', 'docs/')}} leaves a folder out when asked. An entry that renders empty is
 * dropped; one that renders to something no project path can be (a {@code ..} segment, a path of
 * this machine, several lines) or to a glob longer than {@value #MAX_LENGTH} characters is an
 * input error naming its {@code scaffold.yml} line.
 */
public final class TemplatedGlobs {

  /** Far above any real glob; keeps matching cost (path length times pattern length) small. */
  public static final int MAX_LENGTH = 4096;

  private TemplatedGlobs() {}

  /** The template's {@code exclude} entries, rendered. */
  public static List<String> exclude(TemplateSpec spec, TemplateEngine engine, Map<String, ?> model) {
    return render(spec, spec.exclude(), "exclude", engine, model);
  }

  /** The template's {@code skip_if_exists} entries, rendered. */
  public static List<String> skipIfExists(TemplateSpec spec, TemplateEngine engine, Map<String, ?> model) {
    return render(spec, spec.skipIfExists(), "skip_if_exists", engine, model);
  }

  private static List<String> render(TemplateSpec spec, List<String> entries, String key, TemplateEngine engine,
      Map<String, ?> model) {
    List<String> out = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      String where = spec.where("/" + key + "/" + i);
      String entry = entries.get(i);
      String glob = engine.expand(entry, where + " " + key, model).strip();
      if (glob.isEmpty()) {
        continue;
      }
      String problem = problem(glob);
      if (problem != null) {
        throw InputException.at(where, "`" + key + "` entry `" + shorten(entry) + "` renders to `" + shorten(glob) + "`, which "
            + problem);
      }
      new Glob(List.of(glob), key, where + " " + key); // a malformed one is reported now, as rendered
      out.add(glob);
    }
    return out;
  }

  private static String problem(String glob) {
    if (glob.length() > MAX_LENGTH) {
      return "is longer than " + MAX_LENGTH + " characters";
    }
    if (glob.indexOf('\n') >= 0 || glob.indexOf('\r') >= 0 || glob.indexOf('\0') >= 0) {
      return "holds a line break or NUL (one glob per entry)";
    }
    String body = glob.startsWith("!") ? glob.substring(1) : glob;
    if (body.startsWith("//") || body.startsWith("~") || body.length() >= 2 && body.charAt(1) == ':'
        && Character.isLetter(body.charAt(0))) {
      return "is a path of this machine; globs match paths inside the project";
    }
    for (String part : body.split("/", -1)) {
      if (part.equals("..")) {
        return "leaves the project (`..`); globs match paths inside the project";
      }
    }
    return null;
  }

  /** For a one-line message: short, line breaks shown as {@code \\n}. */
  private static String shorten(String s) {
    String t = s.length() <= 80 ? s : s.substring(0, 77) + "...";
    return t.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0");
  }
}
