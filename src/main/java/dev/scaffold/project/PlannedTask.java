package dev.scaffold.project;

import java.util.List;

/** A template task with its argv rendered, ready to run in the new project. */
public record PlannedTask(List<String> argv, String directory) {

  public PlannedTask {
    argv = List.copyOf(argv);
  }

  public String display() {
    return String.join(" ", argv) + (directory == null ? "" : "   (in " + directory + ")");
  }
}
