/**
 * User settings: the settings file with its named profiles (default answers, GitHub API URL,
 * trusted template sources, where bare template names are looked up), read and written atomically.
 * Plain Java and the YAML reader of {@code template}; no CLI, terminal, git or GitHub library.
 */
package dev.scaffold.settings;
