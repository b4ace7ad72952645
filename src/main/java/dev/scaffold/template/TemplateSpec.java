package dev.scaffold.template;

import java.util.List;
import java.util.Map;

/**
 * The parsed {@code scaffold.yml} of a template. Values that may use answers stay as written
 * (FreeMarker strings) and are evaluated by later stages.
 *
 * @param computed variables derived from answers, in order, each a FreeMarker string
 * @param destination FreeMarker string giving the default destination folder, or null
 * @param github the {@code github:} section as written (maps, lists, strings), or empty when the
 *     template provisions nothing; its shape was checked when loading
 * @param migrations commands tied to versions, run by updates that cross them
 * @param locations {@code file:line} of entries, by JSON pointer ({@code /exclude/0}), for messages
 */
public record TemplateSpec(
    String name,
    String description,
    String subdirectory,
    Syntax syntax,
    String minScaffoldVersion,
    String destination,
    List<Question> questions,
    Map<String, String> computed,
    List<String> exclude,
    List<String> skipIfExists,
    Map<String, Object> github,
    List<TaskSpec> tasks,
    List<MigrationSpec> migrations,
    Map<String, String> locations) {

  public TemplateSpec {
    questions = List.copyOf(questions);
    computed = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(computed));
    exclude = List.copyOf(exclude);
    skipIfExists = List.copyOf(skipIfExists);
    github = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(github));
    tasks = List.copyOf(tasks);
    migrations = List.copyOf(migrations);
    locations = Map.copyOf(locations);
  }

  /** Where the entry at {@code pointer} (such as {@code /exclude/2}) is written: {@code scaffold.yml:LINE}. */
  public String where(String pointer) {
    String at = locations.get(pointer);
    return at != null ? at : "scaffold.yml " + pointer.substring(1).replace('/', '.');
  }

  public java.util.Optional<Question> question(String name) {
    return questions.stream().filter(q -> q.name().equals(name)).findFirst();
  }
}
