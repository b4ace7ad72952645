package dev.scaffold.project;

import dev.scaffold.InputException;

/**
 * A publisher's refusal made before it created anything anywhere (the repository's name turned out
 * to be someone else's at the first create call): the generator may then take the project it just
 * moved into place away again, so the run leaves the destination as it was, as the pre-flight would.
 */
public final class PublishRefused extends RuntimeException {

  private final InputException reason;

  public PublishRefused(InputException reason) {
    super(reason.getMessage(), reason);
    this.reason = reason;
  }

  public InputException reason() {
    return reason;
  }
}
