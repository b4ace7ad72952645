package dev.scaffold.answers;

/** Converts and validates one raw answer, as a prompter needs before it accepts what was typed. */
@FunctionalInterface
public interface AnswerCheck {

  /** The typed value, or the reason it is refused. */
  record Result(Object value, String error) {

    public boolean ok() {
      return error == null;
    }
  }

  Result check(Object raw);
}
