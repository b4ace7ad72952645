package dev.scaffold.answers;

import dev.scaffold.template.Question;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A prompter that remembers every answer it sees (typed or given), secrets left out, so that
 * a run failing after the questions can keep them for the next run instead of losing them.
 */
public final class AnswerRecorder implements Prompter, AutoCloseable {

  private final Prompter delegate;
  private final Map<String, Object> answers = new LinkedHashMap<>();
  private boolean asked;

  public AnswerRecorder(Prompter delegate) {
    this.delegate = delegate;
  }

  @Override
  public Object ask(PromptRequest request) {
    Object v = delegate.ask(request);
    asked = true;
    keep(request.question(), v);
    return v;
  }

  @Override
  public void answered(Question question, Object value, AnswerSource source) {
    delegate.answered(question, value, source);
    keep(question, value);
  }

  private void keep(Question q, Object value) {
    if (!q.isSecret() && value != null) {
      answers.put(q.name(), value);
    }
  }

  @Override
  public boolean confirm(String title, List<String> lines) {
    return delegate.confirm(title, lines);
  }

  @Override
  public Object askDestination(String defaultValue, AnswerCheck check) {
    return delegate.askDestination(defaultValue, check);
  }

  /** Whether the user typed at least one answer, which would be lost with the run. */
  public boolean asked() {
    return asked;
  }

  /** The answers seen, in question order, no secrets. */
  public Map<String, Object> answers() {
    return new LinkedHashMap<>(answers);
  }

  @Override
  public void close() throws Exception {
    if (delegate instanceof AutoCloseable c) {
      c.close();
    }
  }
}
