package dev.scaffold.update;

import java.time.Duration;
import java.util.List;

/** What a fleet update did: one outcome per repository, in the order they were asked for. */
public record FleetResult(List<RepoOutcome> outcomes, Duration took) {

  public FleetResult {
    outcomes = List.copyOf(outcomes);
  }

  public long count(RepoOutcome.Group group) {
    return outcomes.stream().filter(o -> o.group() == group).count();
  }

  public boolean anyFailed() {
    return count(RepoOutcome.Group.FAILED) > 0;
  }

  public boolean anyConflicted() {
    return count(RepoOutcome.Group.CONFLICTED) > 0;
  }
}
