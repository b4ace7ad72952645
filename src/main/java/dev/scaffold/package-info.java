/**
 * scaffold's core values shared by every stage: the two failure types, {@link dev.scaffold.Problem}
 * and the {@link dev.scaffold.Progress} listener. Imports no library.
 */
package dev.scaffold;
