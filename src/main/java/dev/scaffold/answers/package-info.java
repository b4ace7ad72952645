/**
 * Answers: typed values, their sources, the question loop ({@link
 * dev.scaffold.answers.Questionnaire}) and the {@link dev.scaffold.answers.Prompter} interface.
 * Imports engine and template; no terminal, git or GitHub library.
 */
package dev.scaffold.answers;
