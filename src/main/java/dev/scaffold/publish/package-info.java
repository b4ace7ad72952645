/**
 * Publishing a project: the {@link dev.scaffold.publish.GitClient} and repository host interfaces
 * the core owns, and the steps that use them. Imports no git or GitHub library: adapters live in
 * {@code jgit} and {@code github}.
 */
package dev.scaffold.publish;
