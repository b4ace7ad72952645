package dev.scaffold.template;

import java.util.List;

/**
 * A command the template runs in the new project after rendering and before the first commit.
 *
 * @param command argv; each element is FreeMarker rendered against the answers
 * @param when FreeMarker boolean, or null for always
 * @param directory working directory relative to the project root, or null for the root
 */
public record TaskSpec(List<String> command, String when, String directory) {

  public TaskSpec {
    command = List.copyOf(command);
  }
}
