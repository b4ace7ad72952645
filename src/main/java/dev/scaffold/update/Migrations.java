package dev.scaffold.update;

import dev.scaffold.engine.TemplateEngine;
import dev.scaffold.project.PlannedTask;
import dev.scaffold.project.TaskRunner;
import dev.scaffold.template.MigrationSpec;
import dev.scaffold.template.TemplateVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The commands an update runs besides its merge: the target version's {@code migrations} for
 * every version the update crosses ({@code from < version <= to}, in version order, the order
 * written among equal versions), before or after the merge, and its tasks whose {@code when} holds
 * for {@code _operation == "update"}. Only the target version's {@code scaffold.yml} is read: an
 * old version's tasks and migrations never run, so replaying history has no side effects.
 *
 * @param before migrations run before the merge writes anything
 * @param after migrations run after the merge, then the update's tasks, in that order
 */
record Migrations(List<Planned> before, List<Planned> after) {

  /** One command to run, and what it is, for messages and the dry run's listing. */
  record Planned(String kind, PlannedTask task) {
    String display() {
      return kind + ": " + task.display();
    }
  }

  Migrations {
    before = List.copyOf(before);
    after = List.copyOf(after);
  }

  static final Migrations NONE = new Migrations(List.of(), List.of());

  boolean isEmpty() {
    return before.isEmpty() && after.isEmpty();
  }

  /** Every command, in the order they run. */
  List<Planned> all() {
    List<Planned> out = new ArrayList<>(before);
    out.addAll(after);
    return out;
  }

  /** The environment a migration sees besides the user's (less the token). */
  static Map<String, String> environment(String from, String to) {
    return Map.of("SCAFFOLD_FROM_VERSION", from == null ? "" : from, "SCAFFOLD_TO_VERSION", to == null ? "" : to);
  }

  /**
   * @param from the recorded version, or null when it is no version (a branch, a commit)
   * @param to the target version, or null when it is no version: migrations are tied to versions,
   *     so none run across a ref that is none
   * @param model the target's model with the new answers
   */
  static Migrations plan(List<MigrationSpec> migrations, List<dev.scaffold.template.TaskSpec> tasks,
      TemplateEngine engine, Map<String, ?> model, String fromTag, String toTag, TemplateVersion from,
      TemplateVersion to) {
    List<MigrationSpec> crossed = new ArrayList<>();
    if (from != null && to != null) {
      for (MigrationSpec m : migrations) {
        if (m.version().compareTo(from) > 0 && m.version().compareTo(to) <= 0) {
          crossed.add(m);
        }
      }
    }
    crossed.sort(Comparator.comparing(MigrationSpec::version)); // stable: equal versions keep their order
    List<Planned> before = new ArrayList<>();
    List<Planned> after = new ArrayList<>();
    for (MigrationSpec m : crossed) {
      Map<String, Object> vars = new HashMap<>(model);
      vars.put("_operation", TaskRunner.UPDATE);
      vars.put("_stage", m.stage().yamlName());
      vars.put("_from_version", fromTag == null ? "" : fromTag);
      vars.put("_to_version", toTag == null ? "" : toTag);
      String where = m.where() + " migration " + m.version().tag();
      if (m.when() != null && !engine.test(m.when(), where + " when", vars)) {
        continue;
      }
      List<String> argv = new ArrayList<>();
      for (String a : m.command()) {
        argv.add(engine.expand(a, where, vars));
      }
      Planned p = new Planned("migration " + m.version().tag() + " (" + m.stage().yamlName() + ")",
          new PlannedTask(argv, null));
      (m.stage() == MigrationSpec.Stage.BEFORE ? before : after).add(p);
    }
    for (PlannedTask t : TaskRunner.plan(tasks, engine, model, TaskRunner.UPDATE)) {
      after.add(new Planned("task", t));
    }
    return new Migrations(before, after);
  }
}
