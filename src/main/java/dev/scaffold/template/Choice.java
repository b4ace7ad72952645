package dev.scaffold.template;

/** One option of a choice or multi question: what the user sees and the value it stands for. */
public record Choice(String label, Object value) {}
