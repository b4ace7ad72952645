/**
 * The hostile-inputs suite: templates written by an attacker, broken YAML and answers, destinations
 * full of traps, runs cut short, and secrets that must stay put. Each test runs the real command
 * line (or the use case behind it) and asserts the error, the exit code, and the file trees before
 * and after ({@link dev.scaffold.testing.TreeSnapshot}). {@code mvn -B verify} runs it with the
 * rest; {@code mvn -B test -Dtest='dev.scaffold.hostile.**'} runs it alone.
 */
package dev.scaffold.hostile;
