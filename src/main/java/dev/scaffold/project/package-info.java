/**
 * The {@code scaffold new} use case ({@link dev.scaffold.project.ProjectGenerator}): staging
 * folder and atomic move, template tasks, resuming a publish, and {@code template lint}. Uses the
 * stages before it and the {@code publish} interfaces; imports no git, GitHub, terminal or CLI
 * library.
 */
package dev.scaffold.project;
