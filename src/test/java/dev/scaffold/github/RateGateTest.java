package dev.scaffold.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.publish.RemoteFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The shared rate budget of fleet updates, on a clock the test moves. */
class RateGateTest {

  static final class MovableClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  final MovableClock clock = new MovableClock();
  final RateGate gate = new RateGate(clock);
  final long reset = clock.now.getEpochSecond() + 60;

  @Test
  void theLastRequestsOfTheWindowAreSentAndThenEveryoneWaitsForTheReset() {
    gate.acquire("GET /a");
    gate.observe("core", "2", String.valueOf(reset));
    gate.release();
    gate.acquire("GET /b");
    gate.release();
    gate.acquire("GET /c");
    gate.release();
    RemoteFailure f = assertThrows(RemoteFailure.class, () -> gate.acquire("GET /d"));
    assertTrue(f.retryable());
    assertEquals(Duration.ofSeconds(61), f.waitHint(), "until the reset, plus a second for the clocks");
    clock.now = clock.now.plusSeconds(61);
    gate.acquire("GET /d");
  }

  @Test
  void requestsInFlightCountAgainstWhatAnAnswerSaysIsLeft() {
    gate.acquire("GET /a");
    gate.acquire("GET /b");
    gate.acquire("GET /c");
    // the answer to /a says 3 left, but /b and /c may not be in that count yet
    gate.observe("core", "3", String.valueOf(reset));
    gate.release();
    gate.acquire("GET /d");
    assertThrows(RemoteFailure.class, () -> gate.acquire("GET /e"));
  }

  @Test
  void aRateLimitAnswerHoldsBackEveryThreadForItsWait() {
    gate.pause(Duration.ofSeconds(7));
    RemoteFailure f = assertThrows(RemoteFailure.class, () -> gate.acquire("GET /x"));
    assertEquals(Duration.ofSeconds(7), f.waitHint());
    clock.now = Instant.parse("2026-01-01T00:00:06.9995Z");
    assertEquals(Duration.ofMillis(1), assertThrows(RemoteFailure.class, () -> gate.acquire("GET /x")).waitHint(),
        "whole milliseconds, rounded up, so a sleep of the hint ends after the pause");
    clock.now = clock.now.plusMillis(1);
    gate.acquire("GET /x");
  }

  @Test
  void otherResourcesAndMissingHeadersLeaveTheBudgetAlone() {
    gate.observe("search", "0", String.valueOf(reset));
    gate.observe(null, null, null);
    gate.acquire("GET /a");
    gate.observe("core", "0", String.valueOf(reset - 120));
    gate.release();
    gate.acquire("GET /b");
  }
}
