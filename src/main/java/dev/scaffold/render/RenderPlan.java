package dev.scaffold.render;

import java.util.List;

/** Every folder and file a render will write, in tree order; computed without writing anything. */
public record RenderPlan(List<PlannedEntry> entries) {

  public RenderPlan {
    entries = List.copyOf(entries);
  }

  public List<PlannedEntry> files() {
    return entries.stream().filter(PlannedEntry::isFile).toList();
  }
}
