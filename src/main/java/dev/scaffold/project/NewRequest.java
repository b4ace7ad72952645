package dev.scaffold.project;

import dev.scaffold.answers.AnswerInputs;
import dev.scaffold.answers.Prompter;
import java.nio.file.Path;

/**
 * What {@code scaffold new} was asked to do.
 *
 * @param destination the project folder, or null to take the template's {@code destination}
 * @param version template version (tag), or null for the newest release
 * @param prompter asks unanswered questions; null never asks (non-interactive)
 * @param useDefaults take defaults instead of asking
 * @param force allow a destination that is not empty
 * @param trust allow tasks of a template fetched from elsewhere
 */
public record NewRequest(
    String template,
    Path destination,
    String version,
    boolean prerelease,
    AnswerInputs answers,
    Prompter prompter,
    boolean useDefaults,
    boolean dryRun,
    boolean force,
    boolean noGit,
    boolean trust) {}
