package dev.scaffold.publish;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * When to try a remote call again: retryable {@link RemoteFailure}s wait the remote's hint
 * ({@code Retry-After}, {@code X-RateLimit-Reset}) or an exponential back-off with jitter, all
 * within one bounded total time per run. Waiting goes through a {@link Sleeper}, so tests do not
 * sleep.
 */
public final class RetryPolicy {

  /** Waits; tests pass one that only records and advances a clock. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;

    Sleeper REAL = d -> Thread.sleep(d.toMillis());
  }

  private final Duration budget;
  private final Duration firstDelay;
  private final Duration maxDelay;
  private final int maxAttempts;
  private final Sleeper sleeper;
  private final Clock clock;
  private final RandomGenerator random;
  private Instant deadline;

  public RetryPolicy(Duration budget, Duration firstDelay, Duration maxDelay, int maxAttempts, Sleeper sleeper,
      Clock clock, RandomGenerator random) {
    this.budget = budget;
    this.firstDelay = firstDelay;
    this.maxDelay = maxDelay;
    this.maxAttempts = maxAttempts;
    this.sleeper = sleeper;
    this.clock = clock;
    this.random = random;
  }

  /** Five minutes in all, 1 s doubling to 30 s (±25 % jitter), at most 8 attempts per step. */
  public static RetryPolicy standard() {
    return new RetryPolicy(Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofSeconds(30), 8, Sleeper.REAL,
        Clock.systemUTC(), RandomGenerator.getDefault());
  }

  /** The same policy with its own, not yet started, time budget: one per provisioning run. */
  public RetryPolicy fresh() {
    return new RetryPolicy(budget, firstDelay, maxDelay, maxAttempts, sleeper, clock, random);
  }

  /** The same policy with another total time for retries. */
  public RetryPolicy withBudget(Duration total) {
    return new RetryPolicy(total, firstDelay, maxDelay, maxAttempts, sleeper, clock, random);
  }

  /** Runs {@code action}, trying again on retryable failures; the last failure is rethrown. */
  public <T> T run(Supplier<T> action) {
    if (deadline == null) {
      deadline = clock.instant().plus(budget);
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return action.get();
      } catch (RemoteFailure f) {
        if (!f.retryable() || attempt >= maxAttempts) {
          throw f;
        }
        Duration wait = f.waitHint() != null ? f.waitHint() : backoff(attempt);
        if (wait.isNegative()) {
          wait = Duration.ZERO;
        }
        if (clock.instant().plus(wait).isAfter(deadline)) {
          throw new RemoteFailure(f.getMessage() + " (waiting " + seconds(wait) + " more would exceed the "
              + seconds(budget) + " allowed for retries)", f.status(), false, f.waitHint(), f);
        }
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw f;
        }
      }
    }
  }

  /** Runs {@code action} under the policy, for steps without a result. */
  public void run(Runnable action) {
    run(() -> {
      action.run();
      return null;
    });
  }

  private Duration backoff(int attempt) {
    long base = firstDelay.toMillis() << Math.min(attempt - 1, 20);
    long capped = Math.min(base, maxDelay.toMillis());
    double jitter = 0.75 + random.nextDouble() * 0.5;
    return Duration.ofMillis((long) (capped * jitter));
  }

  private static String seconds(Duration d) {
    return (d.toMillis() + 999) / 1000 + " s";
  }
}
