package dev.scaffold.update;

/** How an update leaves lines that both the user and the template changed. */
public enum ConflictStyle {
  /** git-style {@code <<<<<<<}/{@code =======}/{@code >>>>>>>} markers in the file */
  INLINE,
  /** the user's lines stay; the template's hunks go to {@code FILE.rej} */
  REJ
}
