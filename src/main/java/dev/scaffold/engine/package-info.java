/**
 * The only user of FreeMarker: a sandboxed configuration, a loader confined to the template tree,
 * and errors turned into {@link dev.scaffold.InputException}s that name file, line and column.
 * Imports no other library and nothing from answers, render or later stages.
 */
package dev.scaffold.engine;
