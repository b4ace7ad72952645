package dev.scaffold.sandbox;

import java.util.List;

/** A pull request as the sandbox holds it; {@code head} is the bare branch name, {@code headOwner} its owner. */
public record PullSnapshot(
    int number, String headOwner, String head, String base, String title, String body, String state, boolean draft,
    List<String> comments) {}
