package dev.scaffold.template;

import java.util.List;
import java.util.Map;

/**
 * The parsed {@code scaffold.yml} of a template. Values that may use answers stay as written
 * (FreeMarker strings) and are evaluated by later stages.
 *
 * @param computed variables derived from answers, in order, each a FreeMarker string
 * @param summary labelled values (FreeMarker strings) listed on the confirmation screen, so the
 *     user sees what is derived from the answers before anything is written
 * @param destination FreeMarker string giving the default destination folder, or null
 * @param github the {@code github:} section as written (maps, lists, strings), or empty when the
 *     template provisions nothing; its shape was checked when loading
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
    Map<String, String> summary,
    List<String> exclude,
    List<String> skipIfExists,
    Map<String, Object> github,
    List<TaskSpec> tasks) {

  public TemplateSpec {
    questions = List.copyOf(questions);
    computed = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(computed));
    summary = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(summary));
    exclude = List.copyOf(exclude);
    skipIfExists = List.copyOf(skipIfExists);
    github = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(github));
    tasks = List.copyOf(tasks);
  }

  public java.util.Optional<Question> question(String name) {
    return questions.stream().filter(q -> q.name().equals(name)).findFirst();
  }
}
