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

  private static final Pattern REF = Pattern.compile("[A-Za-z0-9._/+-]+");

  /**
   * Why {@code ref} cannot name a template version, or null: a tag, branch, {@code HEAD} or commit
   * id is a plain name; revision expressions ({@code main~1}, {@code @{1}}, {@code a..b}) and
   * anything git could read as an option are refused.
   */
  public static String refProblem(String ref) {
    if (ref.isEmpty() || ref.length() > 255 || !REF.matcher(ref).matches()) {
      return "a version is a tag, branch, HEAD or commit id: letters, digits and . _ / + - only";
    }
    if (ref.startsWith("-") || ref.startsWith("/") || ref.endsWith("/") || ref.endsWith(".") || ref.contains("..")
        || ref.contains("//") || ref.endsWith(".lock")) {
      return "is not a valid git ref name";
    }
    return null;
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
