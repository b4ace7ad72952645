/**
 * JGit implementations of the core's git interfaces. The only package that imports JGit.
 */
package dev.scaffold.jgit;
