package dev.scaffold.answers;

import dev.scaffold.template.Question;

/**
 * One question to put to the user.
 *
 * @param defaultValue the typed default, already computed from earlier answers, or null
 * @param check what an answer must pass before the prompter accepts it
 */
public record PromptRequest(Question question, Object defaultValue, AnswerCheck check) {}
