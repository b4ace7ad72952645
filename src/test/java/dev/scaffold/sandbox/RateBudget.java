package dev.scaffold.sandbox;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Per-token request budgets of GitHub's primary rate limit, one per resource ("core", "search"). */
final class RateBudget {

  /** The state of one budget after a request, as the {@code X-RateLimit-*} headers report it. */
  record Window(String resource, int limit, int used, long resetEpochSeconds) {
    int remaining() {
      return Math.max(0, limit - used);
    }
  }

  private static final class Counter {
    int used;
    long reset;
  }

  private final int coreLimit;
  private final long coreWindowSeconds;
  private final Map<String, Counter> counters = new HashMap<>();

  RateBudget(int coreLimit, long coreWindowSeconds) {
    this.coreLimit = coreLimit;
    this.coreWindowSeconds = coreWindowSeconds;
  }

  private int limit(String resource) {
    return resource.equals("search") ? 30 : coreLimit;
  }

  private long windowSeconds(String resource) {
    return resource.equals("search") ? 60 : coreWindowSeconds;
  }

  /** Counts one request; {@code used} exceeds {@code limit} when the budget was already spent. */
  synchronized Window consume(String login, String resource) {
    Counter c = counter(login, resource);
    c.used++;
    return new Window(resource, limit(resource), Math.min(c.used, limit(resource) + 1), c.reset);
  }

  synchronized Window peek(String login, String resource) {
    Counter c = counter(login, resource);
    return new Window(resource, limit(resource), Math.min(c.used, limit(resource)), c.reset);
  }

  private Counter counter(String login, String resource) {
    long now = Instant.now().getEpochSecond();
    Counter c = counters.computeIfAbsent(login + "\u0000" + resource, k -> new Counter());
    if (c.reset <= now) {
      c.used = 0;
      c.reset = now + windowSeconds(resource);
    }
    return c;
  }
}
