package dev.scaffold.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.scaffold.OperationException;
import dev.scaffold.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The published JSON Schema of {@code scaffold.yml} ({@code schema/scaffold.schema.json}), applied to a document. */
public final class SpecSchema {

  public static final String RESOURCE = "/dev/scaffold/schema/scaffold.schema.json";

  private SpecSchema() {}

  /** The schema's own text, as shipped in the jar. */
  public static JsonNode schemaTree() {
    try (InputStream in = SpecSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new OperationException("the scaffold.yml schema is missing from this build");
      }
      return YamlDocument.mapper().readTree(in);
    } catch (IOException e) {
      throw new OperationException("cannot read the scaffold.yml schema: " + e.getMessage(), e);
    }
  }

  /** Every place where a document breaks the schema, with its line. */
  public static List<Problem> validate(YamlDocument doc) {
    JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaTree());
    Set<ValidationMessage> messages = schema.validate(doc.root());
    List<Problem> out = new ArrayList<>();
    for (ValidationMessage m : messages) {
      String pointer = m.getInstanceLocation() == null ? "" : m.getInstanceLocation().toString().replace("$", "").replace('.', '/');
      out.add(Problem.at(doc.where(pointer), m.getMessage()));
    }
    return out;
  }
}
