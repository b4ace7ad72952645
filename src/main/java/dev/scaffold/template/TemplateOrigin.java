package dev.scaffold.template;

/**
 * Where a template came from, as {@code .scaffold-answers.yml} records it.
 *
 * @param source what the user named: a bundled name, a folder, or a git URL or path
 * @param version the tag rendered, or null (a folder, or a git head without tags)
 * @param commit the commit rendered when the template came from git, else null
 */
public record TemplateOrigin(Kind kind, String source, String version, String commit) {

  /** The three kinds of template source. */
  public enum Kind {
    BUNDLED,
    DIRECTORY,
    GIT
  }

  /**
   * Bundled templates and local folders (git or not) are the user's own; anything named by a URL
   * ({@code file://} included) comes from elsewhere and may run tasks only with {@code --trust}.
   */
  public boolean isLocal() {
    return kind != Kind.GIT || !source.contains("://") && !GitSources.isRemote(source);
  }
}
