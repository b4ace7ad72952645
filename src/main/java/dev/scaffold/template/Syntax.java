package dev.scaffold.template;

/** FreeMarker's tag and interpolation syntax for a template's files and paths. */
public enum Syntax {
  /** {@code ${name}}, {@code <#if ...>}. */
  ANGLE,
  /** {@code [=name]}, {@code [#if ...]}: for trees full of {@code ${...}} (Maven, shell, Spring). */
  SQUARE
}
