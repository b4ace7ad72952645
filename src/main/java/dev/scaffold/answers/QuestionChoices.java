package dev.scaffold.answers;

import dev.scaffold.InputException;
import dev.scaffold.engine.TemplateEngine;
import dev.scaffold.template.Choice;
import dev.scaffold.template.ChoiceReader;
import dev.scaffold.template.Question;
import dev.scaffold.template.QuestionType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Settles a question's options against the answers before it, as copier does: a {@code choices}
 * expression is rendered and read as a YAML list or mapping, each label and text value is
 * rendered, and for an int, number, bool or text question each value takes the question's type
 * (a value that cannot is the template's mistake, named with the question).
 */
final class QuestionChoices {

  private final TemplateEngine engine;

  QuestionChoices(TemplateEngine engine) {
    this.engine = engine;
  }

  Question settle(Question q, Map<String, Object> model) {
    boolean typed = q.type() != QuestionType.CHOICE && q.type() != QuestionType.MULTI;
    if (!q.hasTemplatedChoices() && (!typed || q.choices().isEmpty())) {
      return q;
    }
    String where = "question `" + q.name() + "` choices";
    List<Choice> written = q.choicesExpression() != null
        ? ChoiceReader.parse(engine.expand(q.choicesExpression(), where, model), where)
        : q.choices();
    List<Choice> out = new ArrayList<>();
    for (Choice c : written) {
      String label = engine.expand(c.label(), where, model);
      Object value = c.value() instanceof String s ? engine.expand(s, where, model) : c.value();
      if (typed && value != null) {
        try {
          value = AnswerTypes.ofType(q.type(), value);
        } catch (IllegalArgumentException e) {
          throw InputException.at(where, "the choice `" + AnswerTypes.shown(label) + "` does not fit the question's type "
              + q.type().yamlName() + ": " + e.getMessage());
        }
      }
      out.add(new Choice(label, value));
    }
    return q.withChoices(out);
  }
}
