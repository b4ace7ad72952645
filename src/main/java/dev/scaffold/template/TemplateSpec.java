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
 * @param answersFile where a generated project records the template and answers, relative to the
 *     project ({@code answers_file}; {@code .scaffold-answers.yml} unless the template says)
 * @param messages the texts shown after {@code new} and {@code update}, FreeMarker strings
 * @param testCommand what {@code template test --build} runs in each generated project (argv,
 *     each word a FreeMarker string), or empty
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
    Map<String, String> summary,
    List<String> exclude,
    List<String> skipIfExists,
    Map<String, Object> github,
    List<TaskSpec> tasks,
    String answersFile,
    Messages messages,
    List<String> testCommand,
    List<MigrationSpec> migrations,
    Map<String, String> locations) {

  /** The answers file a template that names none records into. */
  public static final String DEFAULT_ANSWERS_FILE = ".scaffold-answers.yml";

  /** The templated texts shown at the end of a run; each null when the template has none. */
  public record Messages(String afterNew, String afterUpdate) {
    public static final Messages NONE = new Messages(null, null);
  }

  public TemplateSpec {
    messages = messages == null ? Messages.NONE : messages;
    testCommand = List.copyOf(testCommand);
    questions = List.copyOf(questions);
    computed = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(computed));
    summary = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(summary));
    exclude = List.copyOf(exclude);
    skipIfExists = List.copyOf(skipIfExists);
    github = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(github));
    tasks = List.copyOf(tasks);
    answersFile = answersFile == null ? DEFAULT_ANSWERS_FILE : answersFile;
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
