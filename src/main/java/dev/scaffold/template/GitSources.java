package dev.scaffold.template;

import java.util.regex.Pattern;

/** Recognises template references that name a git repository rather than a folder or bundled name. */
public final class GitSources {

  private static final Pattern REMOTE =
      Pattern.compile("^(https?://|ssh://|git://|git@[^:]+:|gh:|gl:).*");

  private GitSources() {}

  public static boolean isRemote(String ref) {
    return REMOTE.matcher(ref).matches();
  }

  public static boolean looksLikeGit(String ref) {
    return isRemote(ref) || ref.startsWith("file://") || ref.endsWith(".git");
  }

  /** Expands the {@code gh:owner/repo} shorthand. */
  public static String expand(String ref) {
    if (ref.startsWith("gh:")) {
      return "https://github.com/" + ref.substring(3) + ".git";
    }
    if (ref.startsWith("gl:")) {
      return "https://gitlab.com/" + ref.substring(3) + ".git";
    }
    return ref;
  }
}
