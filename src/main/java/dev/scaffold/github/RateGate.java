package dev.scaffold.github;

import dev.scaffold.publish.RemoteFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One primary rate budget for every thread that shares a client, as GitHub keeps one per token:
 * the remaining count and reset time come from the {@code X-RateLimit-*} headers of each answer,
 * each request takes one before it is sent, and when none is left, or any request was told to
 * wait ({@code Retry-After}, an exhausted limit), every thread is turned back with that wait
 * instead of sending a request that would fail. The retry policy of each caller then sleeps it out.
 */
final class RateGate {

  /** Waits beyond the reset time, for clock differences between here and GitHub. */
  private static final Duration MARGIN = Duration.ofSeconds(1);

  private final Clock clock;
  /** Requests left in the window as far as is known; negative when unknown. */
  private long remaining = -1;
  private long resetEpoch;
  private Instant pausedUntil = Instant.MIN;
  /** Requests sent and not yet answered: GitHub may have counted them before an answer's headers were written. */
  private int inFlight;

  RateGate(Clock clock) {
    this.clock = clock;
  }

  /** Takes one request from the budget, or throws a retryable failure saying how long to wait. */
  synchronized void acquire(String what) {
    Instant now = clock.instant();
    if (now.isBefore(pausedUntil)) {
      throw wait(what, Duration.between(now, pausedUntil), "GitHub asked every request to wait");
    }
    if (remaining >= 0 && now.getEpochSecond() >= resetEpoch) {
      remaining = -1;
    }
    if (remaining == 0) {
      Instant reset = Instant.ofEpochSecond(resetEpoch).plus(MARGIN);
      pausedUntil = reset;
      throw wait(what, Duration.between(now, reset), "the rate budget is spent until " + reset);
    }
    if (remaining > 0) {
      remaining--;
    }
    inFlight++;
  }

  /** The request that {@link #acquire} let through has its answer, or failed. */
  synchronized void release() {
    inFlight = Math.max(0, inFlight - 1);
  }

  /** Reads the budget from an answer's headers (core resource only). */
  synchronized void observe(String resource, String remainingHeader, String resetHeader) {
    if (resource != null && !resource.equals("core")) {
      return;
    }
    try {
      // the other requests in flight may not be in this count yet: assume the worst
      long left = Math.max(0, Long.parseLong(remainingHeader.trim()) - Math.max(0, inFlight - 1));
      long reset = Long.parseLong(resetHeader.trim());
      if (reset > resetEpoch) {
        resetEpoch = reset;
        remaining = left;
      } else if (reset == resetEpoch) {
        remaining = remaining < 0 ? left : Math.min(remaining, left);
      }
    } catch (NullPointerException | NumberFormatException e) {
      // no or odd headers (GitHub Enterprise with rate limits off): nothing to go by
    }
  }

  /** Holds every request back for {@code wait}, as a rate-limit answer asked. */
  synchronized void pause(Duration wait) {
    Instant until = clock.instant().plus(wait);
    if (until.isAfter(pausedUntil)) {
      pausedUntil = until;
    }
  }

  private static RemoteFailure wait(String what, Duration wait, String why) {
    // whole milliseconds, rounded up: a sleep of the hint must end after the pause does
    Duration d = Duration.ofMillis(Math.max(1, (Math.max(0, wait.toNanos()) + 999_999) / 1_000_000));
    return RemoteFailure.transientFailure(what + " held back: " + why, 0, d, null);
  }
}
