/**
 * Templates as data: the {@code scaffold.yml} model and its reader (with file:line errors), the
 * published JSON Schema, YAML reading and writing, version ordering, and where templates come from
 * (bundled, folder, git through the {@link dev.scaffold.template.TemplateFetcher} port). Imports
 * no FreeMarker, git, GitHub, terminal or CLI library.
 */
package dev.scaffold.template;
