package dev.scaffold.template;

import dev.scaffold.FileModes;
import java.nio.file.Path;

/**
 * A template ready to render: its description, the folder holding {@code scaffold.yml}, and where
 * it came from. {@link #close()} removes any temporary checkout.
 *
 * @param modes the files' modes relative to {@code root} where they are recorded apart (bundled
 *     templates), or null to take them from the files
 */
public record ResolvedTemplate(TemplateSpec spec, Path root, TemplateOrigin origin, Runnable cleanup, FileModes modes)
    implements AutoCloseable {

  public ResolvedTemplate(TemplateSpec spec, Path root, TemplateOrigin origin, Runnable cleanup) {
    this(spec, root, origin, cleanup, null);
  }

  /** {@link #modes()} relative to {@link #tree()}, or null. */
  public FileModes treeModes() {
    return modes == null ? null : modes.under(spec.subdirectory());
  }

  /** The folder that is rendered: {@code root/subdirectory}. */
  public Path tree() {
    return root.resolve(spec.subdirectory());
  }

  /** The version to show and record: the tag, else the short commit, else "local". */
  public String versionLabel() {
    if (origin.version() != null) {
      return origin.version();
    }
    if (origin.commit() != null) {
      return origin.commit().substring(0, Math.min(12, origin.commit().length()));
    }
    return "local";
  }

  @Override
  public void close() {
    cleanup.run();
  }
}
