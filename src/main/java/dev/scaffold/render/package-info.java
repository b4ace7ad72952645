/**
 * Rendering: {@link dev.scaffold.render.Renderer} plans (paths rendered and contained, writes
 * nothing), {@link dev.scaffold.render.TreeWriter} writes a plan into a folder. Works on any
 * java.nio file system. Imports engine; no git, GitHub, terminal or CLI library.
 */
package dev.scaffold.render;
