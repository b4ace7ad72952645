package dev.scaffold.project;

import dev.scaffold.ScaffoldVersion;
import dev.scaffold.template.ResolvedTemplate;
import java.util.HashMap;
import java.util.Map;

/** The variables every template sees besides its answers: {@code _template} and {@code _scaffold_version}. */
public final class TemplateContext {

  private TemplateContext() {}

  public static Map<String, Object> of(ResolvedTemplate t) {
    Map<String, Object> template = new HashMap<>();
    template.put("name", t.spec().name());
    template.put("version", t.versionLabel());
    template.put("source", t.origin().source());
    template.put("commit", t.origin().commit() == null ? "" : t.origin().commit());
    Map<String, Object> ctx = new HashMap<>();
    ctx.put("_template", template);
    ctx.put("_scaffold_version", ScaffoldVersion.current());
    return ctx;
  }
}
