package dev.scaffold.template;

import java.nio.file.Path;
import java.util.List;

/** Reads templates kept in git. Implemented with JGit in {@code dev.scaffold.jgit}. */
public interface TemplateFetcher {

  /** Whether a local folder is a git repository (work tree or bare). */
  boolean isRepository(Path dir);

  /** The repository's tag names. */
  List<String> tags(String url);

  /**
   * Checks out {@code ref} (a tag, or null for the default branch's head) into the empty folder
   * {@code into}, without git metadata.
   *
   * @return the commit id checked out
   */
  String checkout(String url, String ref, Path into);

  /**
   * The URL of the {@code origin} remote of the repository in the local folder {@code dir}, or null
   * when it is no repository or has no such remote.
   */
  default String originUrl(Path dir) {
    return null;
  }
}
