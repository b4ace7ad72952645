package dev.scaffold.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  /** A clock the fake sleeper moves forward. */
  static final class FakeTime extends Clock {
    Instant now = Instant.parse("2030-01-01T00:00:00Z");
    final List<Duration> slept = new ArrayList<>();

    @Override
    public ZoneOffset getZone() {
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

    RetryPolicy policy(Duration budget) {
      return new RetryPolicy(budget, Duration.ofSeconds(1), Duration.ofSeconds(30), 8, d -> {
        slept.add(d);
        now = now.plus(d);
      }, this, new Random(1));
    }
  }

  @Test
  void backsOffExponentiallyWithJitterOnServerErrors() {
    FakeTime t = new FakeTime();
    int[] calls = {0};
    String result = t.policy(Duration.ofMinutes(5)).run(() -> {
      if (++calls[0] < 4) {
        throw RemoteFailure.transientFailure("502", 502, null, null);
      }
      return "ok";
    });
    assertEquals("ok", result);
    assertEquals(3, t.slept.size());
    for (int i = 0; i < 3; i++) {
      long base = 1000L << i;
      long ms = t.slept.get(i).toMillis();
      assertTrue(ms >= base * 3 / 4 && ms <= base * 5 / 4, t.slept.toString());
    }
  }

  @Test
  void honoursTheWaitTheServerAsksFor() {
    FakeTime t = new FakeTime();
    int[] calls = {0};
    t.policy(Duration.ofMinutes(5)).run(() -> {
      if (++calls[0] == 1) {
        throw RemoteFailure.transientFailure("rate limit", 403, Duration.ofSeconds(42), null);
      }
    });
    assertEquals(List.of(Duration.ofSeconds(42)), t.slept);
  }

  @Test
  void givesUpWhenTheWaitWouldExceedTheBudget() {
    FakeTime t = new FakeTime();
    RemoteFailure f = assertThrows(RemoteFailure.class, () -> t.policy(Duration.ofMinutes(5)).run(() -> {
      throw RemoteFailure.transientFailure("PUT /x answered 403: rate limit", 403, Duration.ofMinutes(50), null);
    }));
    assertTrue(f.getMessage().contains("would exceed the 300 s allowed"), f.getMessage());
    assertEquals(List.of(), t.slept);
  }

  @Test
  void theBudgetCoversTheWholeRunAndAttemptsAreBounded() {
    FakeTime t = new FakeTime();
    RetryPolicy p = t.policy(Duration.ofSeconds(100));
    int[] calls = {0};
    assertThrows(RemoteFailure.class, () -> p.run(() -> {
      calls[0]++;
      throw RemoteFailure.transientFailure("500", 500, null, null);
    }));
    assertTrue(calls[0] <= 8, "attempts " + calls[0]);
    Duration total = t.slept.stream().reduce(Duration.ZERO, Duration::plus);
    assertTrue(total.compareTo(Duration.ofSeconds(100)) <= 0, total.toString());
    assertThrows(RemoteFailure.class, () -> p.run(() -> {
      throw RemoteFailure.transientFailure("500", 500, Duration.ofSeconds(99), null);
    }));
  }

  @Test
  void permanentFailuresAreNotRetried() {
    FakeTime t = new FakeTime();
    int[] calls = {0};
    assertThrows(RemoteFailure.class, () -> t.policy(Duration.ofMinutes(5)).run(() -> {
      calls[0]++;
      throw RemoteFailure.permanent("422", 422);
    }));
    assertEquals(1, calls[0]);
  }
}
