package dev.scaffold.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * The process's file-mode creation mask, as Linux reports it in {@code /proc/self/status}: a file
 * created with permissions that share no bit with it gets exactly those permissions, so the
 * {@code chmod} after writing it (an open, a change and a close per file) can be left out. Where
 * the mask cannot be read it is taken as unknown, and every file gets its {@code chmod}.
 */
final class Umask {

  /** The mask's permission bits, or -1 when unknown; read once, since nothing in scaffold changes it. */
  private static final int MASK = read(Path.of("/proc/self/status"));

  private Umask() {}

  /** Whether a file created with {@code permissions} is certain to have exactly them. */
  static boolean keeps(Set<PosixFilePermission> permissions) {
    return MASK >= 0 && (bits(permissions) & MASK) == 0;
  }

  /** The mask from a status file's {@code Umask:} line (octal), or -1. */
  static int read(Path status) {
    try {
      for (String line : new String(Files.readAllBytes(status), StandardCharsets.US_ASCII).split("\n")) {
        if (line.startsWith("Umask:")) {
          return Integer.parseInt(line.substring("Umask:".length()).strip(), 8) & 0777;
        }
      }
    } catch (IOException | RuntimeException e) {
      // no such file (not Linux, or a kernel before 4.7): unknown
    }
    return -1;
  }

  /** The permissions as the octal bits of a mode (owner read is 0400). */
  static int bits(Set<PosixFilePermission> permissions) {
    int m = 0;
    for (PosixFilePermission p : permissions) {
      m |= 0400 >> p.ordinal();
    }
    return m;
  }
}
