/**
 * GitHub on org.kohsuke:github-api: the {@link dev.scaffold.publish.RepoHost} implementation and
 * the translation of GitHub's error, 5xx and rate-limit answers into retryable failures. The only
 * package that imports {@code org.kohsuke.github}; imports nothing from {@code cli}.
 */
package dev.scaffold.github;
