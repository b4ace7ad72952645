package dev.scaffold.answers;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * How a local template folder is written as {@code _template}. The answers file is committed and
 * pushed, so it never records an absolute path of this machine: a template beside the project (in
 * the project's parent folder or below it) is recorded relative to the project ({@code ../tpl}),
 * one elsewhere under the home folder as {@code ~/...}, any other relative to the project too.
 * Reading turns these back into the absolute path, so {@code update} on the same machine finds it.
 */
final class TemplatePlace {

  private static final String HOME_PREFIX = "~/";

  private TemplatePlace() {}

  /** {@code source} as recorded in the project at {@code project}. */
  static String recordable(String source, Path project) {
    Path template = absolutePath(source);
    if (template == null) {
      return source;
    }
    Path root = project.toAbsolutePath().normalize();
    Path parent = root.getParent();
    Path home = home();
    if ((parent == null || !template.startsWith(parent)) && home != null && template.startsWith(home)
        && !template.equals(home)) {
      return HOME_PREFIX + slashes(home.relativize(template));
    }
    String relative = slashes(root.relativize(template));
    return relative.startsWith("..") ? relative : relative.isEmpty() ? "." : "./" + relative;
  }

  /** The template folder a recorded {@code _template} names, absolute; other sources unchanged. */
  static String resolve(String recorded, Path project) {
    if (recorded.startsWith(HOME_PREFIX)) {
      Path home = home();
      return home == null ? recorded : home.resolve(recorded.substring(HOME_PREFIX.length())).normalize().toString();
    }
    if (recorded.equals(".") || recorded.equals("..") || recorded.startsWith("./") || recorded.startsWith("../")) {
      return project.toAbsolutePath().resolve(recorded).normalize().toString();
    }
    return recorded;
  }

  private static Path absolutePath(String source) {
    try {
      Path p = Path.of(source);
      return p.isAbsolute() ? p.normalize() : null;
    } catch (InvalidPathException e) {
      return null;
    }
  }

  private static Path home() {
    String home = System.getenv("HOME");
    if (home == null || home.isBlank()) {
      home = System.getProperty("user.home");
    }
    Path p = absolutePath(home == null ? "" : home);
    return p == null || p.getParent() == null ? null : p;
  }

  private static String slashes(Path p) {
    return p.toString().replace('\\', '/');
  }
}
