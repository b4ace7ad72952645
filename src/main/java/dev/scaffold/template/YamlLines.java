package dev.scaffold.template;

import java.util.HashMap;
import java.util.Map;

/**
 * The line of every node of a document, found by JSON pointer. Each entry is keyed by its
 * container's number and its own segment, never by its whole path: whole paths cost their depth
 * times their keys' length for every value, quadratic memory for a deep document with long keys.
 */
final class YamlLines {

  private static final int ROOT = 0;
  private static final int NONE = -1;

  /** A node's line and, for a list or mapping, its number as a container. */
  private static final class Entry {
    final int line;
    int container = NONE;

    Entry(int line) {
      this.line = line;
    }
  }

  private final Map<String, Entry> entries = new HashMap<>();
  private int rootLine;
  private int containers = ROOT;

  /** The container number of the root, for {@link #record} and {@link #open}. */
  static int root() {
    return NONE;
  }

  /** Records the line of {@code segment} in {@code container} unless a key already did. */
  void record(int container, String segment, int line) {
    if (container == NONE) {
      if (rootLine == 0) {
        rootLine = line;
      }
    } else {
      entries.putIfAbsent(key(container, segment), new Entry(line));
    }
  }

  /** The line recorded for {@code segment} in {@code container}, or 0. */
  int line(int container, String segment) {
    Entry e = entries.get(key(container, segment));
    return e == null ? 0 : e.line;
  }

  /** Numbers the list or mapping just recorded at {@code segment}, so its own entries can refer to it. */
  int open(int container, String segment) {
    if (container == NONE) {
      return ROOT;
    }
    Entry e = entries.get(key(container, segment));
    e.container = ++containers;
    return e.container;
  }

  /**
   * The line of the node at {@code pointer} ({@code /questions/2/type}, segments escaped as JSON
   * pointers), else of its nearest recorded ancestor below the root; 0 if none.
   */
  int line(String pointer) {
    if (pointer.isEmpty()) {
      return rootLine;
    }
    int line = 0;
    int container = ROOT;
    for (String segment : pointer.substring(1).split("/", -1)) {
      Entry e = entries.get(key(container, segment));
      if (e == null) {
        break;
      }
      line = e.line;
      if (e.container == NONE) {
        break;
      }
      container = e.container;
    }
    return line;
  }

  private static String key(int container, String segment) {
    return container + "/" + segment;
  }
}
