package dev.scaffold.answers;

import dev.scaffold.InputException;
import dev.scaffold.Problem;
import dev.scaffold.Progress;
import dev.scaffold.engine.RenderLimits;
import dev.scaffold.engine.TemplateEngine;
import dev.scaffold.template.Question;
import dev.scaffold.template.QuestionType;
import dev.scaffold.template.TemplateSpec;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a template's questions and the run's answer sources into {@link Answers}: each question
 * in order, {@code when} and defaults evaluated against the answers before it, every problem
 * collected so a non-interactive run reports them all at once.
 */
public final class Questionnaire {

  private final TemplateSpec spec;
  private final TemplateEngine engine;
  private final Map<String, Object> context;
  private final Progress progress;
  private final QuestionChoices choices;

  /**
   * @param context variables every expression sees besides the answers ({@code _template}, ...)
   */
  public Questionnaire(TemplateSpec spec, TemplateEngine engine, Map<String, Object> context, Progress progress) {
    this.spec = spec;
    this.engine = engine;
    this.context = context;
    this.progress = progress;
    this.choices = new QuestionChoices(engine);
  }

  /**
   * @param prompter asks what no source answers; null in non-interactive runs
   * @param useDefaults take a question's default instead of asking
   */
  public Answers collect(AnswerInputs inputs, Prompter prompter, boolean useDefaults) {
    List<Problem> problems = new ArrayList<>();
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, AnswerSource> sources = new LinkedHashMap<>();
    Set<String> secrets = new HashSet<>();
    Set<String> failed = new HashSet<>();

    for (String key : inputs.set().keySet()) {
      if (spec.question(key).isEmpty()) {
        problems.add(Problem.at("--set " + key, "the template has no question `" + key + "`"));
      }
    }
    for (String key : inputs.file().keySet()) {
      if (!key.startsWith("_") && spec.question(key).isEmpty()) {
        progress.warn(where(inputs, key) + ": ignored, the template has no question `" + key + "`");
      }
    }

    for (Question written : spec.questions()) {
      if (written.isSecret()) {
        secrets.add(written.name());
      }
      Map<String, Object> model = model(values);
      Given given = given(written, inputs);
      Question q;
      try {
        if (written.when() != null && !engine.test(written.when(), "question `" + written.name() + "` when", model)) {
          skip(written, given, inputs, model, values, sources, problems, failed);
          continue;
        }
        q = choices.settle(written, model);
      } catch (InputException e) {
        reportUnlessCascading(problems, failed, e);
        failed.add(written.name());
        continue;
      }
      if (written.choicesExpression() != null && q.choices().isEmpty()) {
        if (q.required() || q.type() != QuestionType.MULTI) {
          problems.add(Problem.at("question `" + q.name() + "`", "`choices` gave no choices from the earlier answers"));
          failed.add(q.name());
          continue;
        }
        if (given == null) {
          values.put(q.name(), List.of()); // nothing to choose from, and nothing is required
          sources.put(q.name(), AnswerSource.DEFAULT);
          continue;
        }
      }

      if (given != null) {
        AnswerCheck.Result r = check(q, values).check(given.raw());
        if (r.ok()) {
          values.put(q.name(), r.value());
          sources.put(q.name(), given.source());
          if (prompter != null) {
            prompter.answered(q, q.isSecret() ? null : r.value(), given.source());
          }
        } else {
          problems.add(Problem.at(given.where(), "question `" + q.name() + "`: " + r.error()));
          failed.add(q.name());
        }
        continue;
      }

      Object def;
      boolean fromProfile = hasProfileDefault(q, inputs);
      try {
        // an offered answer is a value, never rendered: a recorded `${x}` stays text
        def = inputs.offered().containsKey(q.name()) ? inputs.offered().get(q.name())
            : fromProfile ? profileDefault(q, values, inputs) : defaultOf(q, model);
      } catch (InputException e) {
        reportUnlessCascading(problems, failed, e);
        failed.add(q.name());
        continue;
      }
      if (def != null && (useDefaults || prompter == null)) {
        AnswerCheck.Result r = check(q, values).check(def);
        if (r.ok()) {
          values.put(q.name(), r.value());
          sources.put(q.name(), fromProfile ? AnswerSource.PROFILE : AnswerSource.DEFAULT);
        } else {
          problems.add(Problem.at(fromProfile ? inputs.profileWhere() + ": " + q.name() : "question `" + q.name() + "`",
              "the default `" + def + "` is invalid: " + r.error()));
          failed.add(q.name());
        }
        continue;
      }
      if (prompter == null) {
        if (q.required() || def == null && AnswerTypes.empty(q) == null) {
          problems.add(Problem.at("question `" + q.name() + "`", "no answer given (" + q.promptText() + ")"));
          failed.add(q.name());
        } else {
          values.put(q.name(), AnswerTypes.empty(q));
          sources.put(q.name(), AnswerSource.DEFAULT);
        }
        continue;
      }
      if (!failed.isEmpty()) {
        continue; // asking more after a given answer failed would waste the user's time
      }
      Object v = prompter.ask(new PromptRequest(q, def, check(q, values)));
      values.put(q.name(), v);
      sources.put(q.name(), AnswerSource.PROMPT);
    }

    Set<String> computed = new HashSet<>();
    if (problems.isEmpty()) {
      for (Map.Entry<String, String> c : spec.computed().entrySet()) {
        try {
          values.put(c.getKey(), engine.expand(c.getValue(), "computed `" + c.getKey() + "`", model(values)));
          computed.add(c.getKey());
        } catch (InputException e) {
          problems.addAll(e.problems());
        }
      }
    }
    if (!problems.isEmpty()) {
      String summary = problems.size() == 1
          ? problems.get(0).toString()
          : problems.size() + " problems with the answers";
      throw new InputException(summary, problems);
    }
    return new Answers(values, sources, secrets, computed);
  }

  /** An answer a source holds for a question, and how to name that source in errors. */
  private record Given(Object raw, AnswerSource source, String where) {}

  private static Given given(Question q, AnswerInputs inputs) {
    if (inputs.set().containsKey(q.name())) {
      return new Given(inputs.set().get(q.name()), AnswerSource.SET, "--set " + q.name());
    }
    if (inputs.file().containsKey(q.name())) {
      return new Given(inputs.file().get(q.name()), AnswerSource.FILE, where(inputs, q.name()));
    }
    if (inputs.recorded().containsKey(q.name())) {
      return new Given(inputs.recorded().get(q.name()), AnswerSource.RECORDED, "recorded answer " + q.name());
    }
    return null;
  }

  /**
   * A question {@code when} skips is never recorded, but templates still see a value: the one this
   * run gives it ({@code --set} or the answers file, checked like any answer; copier uses
   * {@code --data} alike), else its default of the question's type, else the type's empty value.
   * A recorded answer is not used: the question was not asked then either, or it changed.
   */
  private void skip(Question written, Given given, AnswerInputs inputs, Map<String, Object> model, Map<String, Object> values,
      Map<String, AnswerSource> sources, List<Problem> problems, Set<String> failed) {
    Question q = written;
    Object v;
    if (given != null && given.source() != AnswerSource.RECORDED) {
      q = choices.settle(written, model);
      AnswerCheck.Result r = check(q, values).check(given.raw());
      if (!r.ok()) {
        problems.add(Problem.at(given.where(), "question `" + q.name() + "`: " + r.error()));
        failed.add(q.name());
        return;
      }
      v = r.value();
    } else {
      Object def = hasProfileDefault(q, inputs) ? inputs.profileDefaults().get(q.name()) : defaultOf(q, model);
      // with no default its options are not needed: they may well depend on answers skipped too
      q = def != null ? choices.settle(written, model) : written;
      try {
        v = def != null ? AnswerTypes.skippedValue(q, def) : AnswerTypes.empty(q);
      } catch (IllegalArgumentException e) {
        problems.add(Problem.at("question `" + q.name() + "`", "the default `" + AnswerTypes.shown(def) + "` is invalid: " + e.getMessage()));
        failed.add(q.name());
        return;
      }
    }
    if (v != null) {
      values.put(q.name(), v);
      sources.put(q.name(), AnswerSource.SKIPPED);
    }
  }

  /** The variables templates and expressions see: context, then answers and computed values. */
  public Map<String, Object> model(Map<String, Object> values) {
    Map<String, Object> m = new HashMap<>(context);
    m.putAll(values);
    return m;
  }

  /** Checks a raw answer for {@code q}: type conversion, choices, required, min/max, validate. */
  public AnswerCheck check(Question q, Map<String, Object> earlier) {
    return raw -> {
      Object value;
      try {
        value = AnswerTypes.convert(q, raw);
      } catch (IllegalArgumentException e) {
        return new AnswerCheck.Result(null, e.getMessage());
      }
      String error = validate(q, value, earlier);
      return new AnswerCheck.Result(error == null ? value : null, error);
    };
  }

  private String validate(Question q, Object value, Map<String, Object> earlier) {
    if (q.required() && value instanceof String s && s.isEmpty()) {
      return "an answer is required";
    }
    if (q.required() && q.type() == QuestionType.MULTI && ((List<?>) value).isEmpty()) {
      return "choose at least one";
    }
    if (value instanceof Number n && (q.min() != null || q.max() != null)) {
      BigDecimal d = new BigDecimal(n.toString());
      if (q.min() != null && d.compareTo(BigDecimal.valueOf(q.min())) < 0) {
        return "must be at least " + q.min();
      }
      if (q.max() != null && d.compareTo(BigDecimal.valueOf(q.max())) > 0) {
        return "must be at most " + q.max();
      }
    }
    String rule = q.validate();
    if (rule == null) {
      return null;
    }
    if (rule.contains("${")) {
      Map<String, Object> m = model(earlier);
      m.put("value", value);
      m.put(q.name(), value);
      try {
        if (!engine.test(rule, "question `" + q.name() + "` validate", m)) {
          return q.help() != null ? q.help() : "must satisfy " + rule;
        }
      } catch (InputException e) {
        return e.getMessage();
      }
      return null;
    }
    String text = value instanceof List<?> l ? String.join(",", l.stream().map(String::valueOf).toList()) : String.valueOf(value);
    if (!matchesInTime(q, rule, text)) {
      String hint = q.help() != null ? " (" + q.help() + ")" : "";
      return "`" + (q.isSecret() ? "***" : text) + "` does not match " + rule + hint;
    }
    return null;
  }

  /**
   * Whether {@code text} matches the question's {@code validate} pattern, which comes from the
   * template: a pattern that backtracks past the render time limit is the template's fault.
   */
  private boolean matchesInTime(Question q, String rule, String text) {
    Duration budget = engine.limits().timeout();
    try {
      return Pattern.compile(rule).matcher(new TimedText(text, System.nanoTime() + budget.toNanos())).matches();
    } catch (TimedText.Expired e) {
      throw InputException.at("question `" + q.name() + "` validate", "the pattern `" + rule + "` took longer than "
          + RenderLimits.describe(budget) + " on the answer (a pattern that backtracks without end?); raise the limit with "
          + RenderLimits.TIMEOUT_VARIABLE + "=SECONDS");
    }
  }

  /** A secret is never a profile default: the settings file is a plain file. */
  private static boolean hasProfileDefault(Question q, AnswerInputs inputs) {
    return !q.isSecret() && inputs.profileDefaults().get(q.name()) != null;
  }

  /**
   * The profile's default for {@code q}, typed and checked as an answer would be (a prompt shows
   * it as the default), or an error naming the profile: it is the user's own value, not the template's.
   */
  private Object profileDefault(Question q, Map<String, Object> values, AnswerInputs inputs) {
    Object raw = inputs.profileDefaults().get(q.name());
    AnswerCheck.Result r = check(q, values).check(raw);
    if (!r.ok()) {
      throw InputException.at(inputs.profileWhere() + ": " + q.name(), "question `" + q.name() + "`: " + r.error());
    }
    return r.value();
  }

  private Object defaultOf(Question q, Map<String, Object> model) {
    Object def = q.defaultValue();
    if (def instanceof String s) {
      return engine.expand(s, "question `" + q.name() + "` default", model);
    }
    if (def instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (Object o : list) {
        out.add(o instanceof String s ? engine.expand(s, "question `" + q.name() + "` default", model) : o);
      }
      return out;
    }
    return def;
  }

  /** An expression that fails after an earlier answer failed most likely needs that answer: report only the cause. */
  private static void reportUnlessCascading(List<Problem> problems, Set<String> failed, InputException e) {
    if (failed.isEmpty()) {
      problems.addAll(e.problems());
    }
  }

  private static String where(AnswerInputs inputs, String key) {
    return (inputs.fileName() == null ? "answers file" : inputs.fileName()) + ": " + key;
  }
}
