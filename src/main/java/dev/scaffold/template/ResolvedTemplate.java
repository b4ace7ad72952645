package dev.scaffold.template;

import java.nio.file.Path;

/**
 * A template ready to render: its description, the folder holding {@code scaffold.yml}, and where
 * it came from. {@link #close()} removes any temporary checkout.
 */
public record ResolvedTemplate(TemplateSpec spec, Path root, TemplateOrigin origin, Runnable cleanup)
    implements AutoCloseable {

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
