package dev.scaffold;

import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * File modes recorded apart from the files, as git records them (100644, 100755): for bundled
 * templates, whose jar keeps no modes (its zip file system then reports every file as 0777).
 */
public final class FileModes {

  public static final String REGULAR = "100644";
  public static final String EXECUTABLE = "100755";

  private static final Set<PosixFilePermission> RW_R_R = Collections.unmodifiableSet(PosixFilePermissions.fromString("rw-r--r--"));
  private static final Set<PosixFilePermission> RWX_RX_RX = Collections.unmodifiableSet(PosixFilePermissions.fromString("rwxr-xr-x"));

  /** path ({@code /}-separated) → executable */
  private final Map<String, Boolean> executable;

  private FileModes(Map<String, Boolean> executable) {
    this.executable = executable;
  }

  /** Reads lines of {@code MODE PATH} ({@link #REGULAR} or {@link #EXECUTABLE}); {@code where} names the text in errors. */
  public static FileModes parse(String text, String where) {
    Map<String, Boolean> out = new LinkedHashMap<>();
    int n = 0;
    for (String line : text.split("\n", -1)) {
      n++;
      if (line.isEmpty()) {
        continue;
      }
      int sp = line.indexOf(' ');
      String mode = sp < 0 ? "" : line.substring(0, sp);
      if (!mode.equals(REGULAR) && !mode.equals(EXECUTABLE) || sp == line.length() - 1) {
        throw new OperationException(where + ":" + n + ": not `100644 PATH` or `100755 PATH`: " + line);
      }
      out.put(line.substring(sp + 1), mode.equals(EXECUTABLE));
    }
    return new FileModes(out);
  }

  /** The files below {@code folder}, named relative to it. */
  public FileModes under(String folder) {
    String f = java.nio.file.Path.of(folder).normalize().toString().replace('\\', '/');
    if (f.isEmpty()) {
      return this;
    }
    String prefix = f + "/";
    Map<String, Boolean> out = new LinkedHashMap<>();
    executable.forEach((path, x) -> {
      if (path.startsWith(prefix)) {
        out.put(path.substring(prefix.length()), x);
      }
    });
    return new FileModes(out);
  }

  /** {@code rw-r--r--} or {@code rwxr-xr-x}, or null for a path not recorded. */
  public Set<PosixFilePermission> permissions(String path) {
    Boolean x = executable.get(path);
    return x == null ? null : x ? RWX_RX_RX : RW_R_R;
  }

  /** path → {@link #REGULAR} or {@link #EXECUTABLE}, in the recorded order. */
  public Map<String, String> modes() {
    Map<String, String> out = new LinkedHashMap<>();
    executable.forEach((path, x) -> out.put(path, x ? EXECUTABLE : REGULAR));
    return out;
  }
}
