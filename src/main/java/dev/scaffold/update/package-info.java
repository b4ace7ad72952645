/**
 * Updating generated projects: {@link dev.scaffold.update.ProjectUpdater} renders the recorded and
 * the target template version, merges old→new into the working tree file by file ({@link
 * dev.scaffold.update.TreeMerger}), and answers {@code check} and {@code diff}. Line merges and
 * diffs come through {@link dev.scaffold.update.TextMerge}. Fleet updates ({@link
 * dev.scaffold.update.FleetUpdater}) run the same update in many repositories through the {@link
 * dev.scaffold.update.FleetHost} and {@link dev.scaffold.update.RepoWorkspace} ports, and publish
 * pull requests with {@link dev.scaffold.update.PullRequestPublisher}. Imports no git, GitHub,
 * terminal or CLI library.
 */
package dev.scaffold.update;
