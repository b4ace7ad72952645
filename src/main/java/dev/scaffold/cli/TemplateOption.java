package dev.scaffold.cli;

import dev.scaffold.InputException;
import dev.scaffold.template.BundledTemplates;
import dev.scaffold.template.GitSources;
import dev.scaffold.template.TemplateSources;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --template SOURCE} of update, check and diff: the template to read in place of the
 * recorded {@code _template}, for this run only. A folder is named as from here, so it becomes its
 * absolute path before the project's own folder is anywhere in play.
 */
final class TemplateOption {

  static final String DESCRIPTION = "Read the template from SOURCE (a folder, git URL or gh:OWNER/NAME) instead of "
      + "the recorded _template, for this run only: the answers file keeps what it records. For a project that "
      + "records a folder relative to it, in a clone without that folder.";

  private TemplateOption() {}

  /** The source to read, or null when the option was not given. */
  static String source(CliContext ctx, BundledTemplates catalog, String value) {
    if (value == null) {
      return null;
    }
    String bad = TemplateSources.problem(value);
    if (bad != null) {
      throw InputException.at("--template", "refused: " + bad);
    }
    if (GitSources.isRemote(value) || value.regionMatches(true, 0, "file://", 0, 7)) {
      return value;
    }
    Path p = ctx.path(value);
    // as `new` reads TEMPLATE: a folder that merely shares a bundled template's name does not shadow it
    if (Files.isDirectory(p) && (Files.isRegularFile(p.resolve("scaffold.yml")) || catalog.find(value).isEmpty())) {
      return p.toAbsolutePath().normalize().toString();
    }
    if (value.startsWith(".") || value.contains("/") || value.contains(java.io.File.separator)) {
      throw InputException.at("--template " + value, "no such folder");
    }
    return value; // a bundled template's name
  }
}
