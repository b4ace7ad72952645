package dev.scaffold.sandbox;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** A misbehaviour the sandbox injects into the requests that match a method and a path regex. */
public record Fault(
    Kind kind, String method, Pattern path, int nth, int times, int status, int retryAfterSeconds, int resetSeconds) {

  /** What the sandbox does instead of answering normally. */
  public enum Kind {
    /** Answer with an error status and a GitHub-style JSON message. */
    STATUS,
    /** GitHub's primary rate limit: 403, {@code X-RateLimit-Remaining: 0}, reset a few seconds ahead. */
    PRIMARY_RATE_LIMIT,
    /** GitHub's secondary rate limit: 403 or 429 with {@code Retry-After}. */
    SECONDARY_RATE_LIMIT,
    /** Close the TCP connection without answering, before the request is handled. */
    DROP_CONNECTION,
    /** Handle the request (state changes), then close the connection instead of answering. */
    DROP_AFTER_HANDLING
  }

  public Fault {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(path, "path");
    method = method == null || method.isBlank() || method.equals("*") ? null : method.toUpperCase(Locale.ROOT);
    if (nth < 1) throw new IllegalArgumentException("nth starts at 1: " + nth);
    if (times < 1) throw new IllegalArgumentException("times must be at least 1: " + times);
  }

  /** Answers {@code status} (e.g. 500, 502) to matching requests; {@code method} null or "*" means any. */
  public static Fault status(String method, String pathRegex, int status) {
    return new Fault(Kind.STATUS, method, Pattern.compile(pathRegex), 1, 1, status, 0, 0);
  }

  /** GitHub's primary rate limit answer, with {@code X-RateLimit-Reset} {@code resetSeconds} ahead. */
  public static Fault primaryRateLimit(String method, String pathRegex, int resetSeconds) {
    return new Fault(Kind.PRIMARY_RATE_LIMIT, method, Pattern.compile(pathRegex), 1, 1, 403, 0, resetSeconds);
  }

  /** GitHub's secondary rate limit answer ({@code status} 403 or 429) with {@code Retry-After}. */
  public static Fault secondaryRateLimit(String method, String pathRegex, int status, int retryAfterSeconds) {
    return new Fault(
        Kind.SECONDARY_RATE_LIMIT, method, Pattern.compile(pathRegex), 1, 1, status, retryAfterSeconds, 0);
  }

  /** Closes the connection of matching requests without an answer. */
  public static Fault dropConnection(String method, String pathRegex) {
    return new Fault(Kind.DROP_CONNECTION, method, Pattern.compile(pathRegex), 1, 1, 0, 0, 0);
  }

  /** Handles matching requests but loses the answer: the client cannot tell whether it worked. */
  public static Fault dropConnectionAfterHandling(String method, String pathRegex) {
    return new Fault(Kind.DROP_AFTER_HANDLING, method, Pattern.compile(pathRegex), 1, 1, 0, 0, 0);
  }

  /** Makes git pushes (receive-pack) to {@code owner/name} fail with a 500. */
  public static Fault failPush(String fullName) {
    return status("POST", "^/git/" + Pattern.quote(fullName) + "\\.git/git-receive-pack$", 500);
  }

  /** The same fault, first firing on the {@code n}th matching request (1 = the next one). */
  public Fault nth(int n) {
    return new Fault(kind, method, path, n, times, status, retryAfterSeconds, resetSeconds);
  }

  /** The same fault, firing on {@code k} consecutive matching requests. */
  public Fault times(int k) {
    return new Fault(kind, method, path, nth, k, status, retryAfterSeconds, resetSeconds);
  }

  boolean matches(String requestMethod, String requestPath) {
    return (method == null || method.equals(requestMethod)) && path.matcher(requestPath).find();
  }
}
