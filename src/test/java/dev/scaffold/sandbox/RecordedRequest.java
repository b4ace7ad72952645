package dev.scaffold.sandbox;

import java.time.Instant;

/**
 * One request the sandbox received: {@code status} is 0 when the connection was dropped, {@code
 * query} is null when there was none.
 */
public record RecordedRequest(
    Instant at, String method, String path, String query, int status, boolean tokenPresent, String userAgent) {

  /** {@code "GET /repos/acme/demo"}, handy in assertion messages. */
  public String line() {
    return method + " " + path + (query == null ? "" : "?" + query) + " -> " + status;
  }
}
