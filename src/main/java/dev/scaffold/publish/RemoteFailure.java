package dev.scaffold.publish;

import java.time.Duration;

/**
 * A failed call to a remote (the GitHub API or a git push). {@code retryable} failures (5xx, lost
 * connections, rate limits) may be tried again, after {@code wait} when the remote said how long.
 */
public final class RemoteFailure extends RuntimeException {

  private final boolean retryable;
  private final Duration wait;
  private final int status;

  public RemoteFailure(String message, int status, boolean retryable, Duration wait, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.retryable = retryable;
    this.wait = wait;
  }

  public static RemoteFailure permanent(String message, int status) {
    return new RemoteFailure(message, status, false, null, null);
  }

  public static RemoteFailure transientFailure(String message, int status, Duration wait, Throwable cause) {
    return new RemoteFailure(message, status, true, wait, cause);
  }

  public boolean retryable() {
    return retryable;
  }

  /** How long the remote asked to wait ({@code Retry-After}, {@code X-RateLimit-Reset}); null if it did not say. */
  public Duration waitHint() {
    return wait;
  }

  /** The HTTP status, or 0 when there was no answer. */
  public int status() {
    return status;
  }
}
