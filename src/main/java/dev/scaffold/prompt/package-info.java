/**
 * The terminal side of asking questions: the JLine implementation of {@link
 * dev.scaffold.answers.Prompter}, arrow-key lists, and terminal detection. The only package that
 * imports JLine; it imports no picocli, JGit or github-api.
 */
package dev.scaffold.prompt;
