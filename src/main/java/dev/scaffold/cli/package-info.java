/**
 * The command line: picocli commands, the composition root ({@code Services}), exit codes, and
 * text and JSON output. The only package that imports picocli and the only one that prints;
 * nothing depends on it.
 */
package dev.scaffold.cli;
