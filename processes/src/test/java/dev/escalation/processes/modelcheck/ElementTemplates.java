package dev.escalation.processes.modelcheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * Camunda Modeler element templates ({@code processes/element-templates/*.json}): what the model
 * check needs of them. The schema is Camunda's own, from the npm package
 * {@code @camunda/zeebe-element-templates-json-schema} 0.46.0 (MIT), kept in the test resources so
 * the check runs offline and changes only when we choose to move to a newer Modeler.
 */
public final class ElementTemplates {
  public static final String SCHEMA_RESOURCE = "/element-templates/zeebe-element-templates-json-schema-0.46.0.json";
  public static final String ID_PREFIX = "dev.escalation.";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ElementTemplates() {}

  public static JsonNode read(InputStream in) {
    try {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What Camunda Modeler would reject, each naming the JSON path. */
  public static List<String> schemaViolations(JsonNode template) {
    return Camunda.SCHEMA.validate(template).stream().map(Error::toString).toList();
  }

  /** The job type a template sets: its hidden {@code zeebe:taskDefinition} {@code type} property. */
  public static Optional<String> jobType(JsonNode template) {
    return StreamSupport.stream(template.path("properties").spliterator(), false)
        .filter(p -> "zeebe:taskDefinition".equals(p.path("binding").path("type").asText())
            && "type".equals(p.path("binding").path("property").asText()))
        .map(p -> p.path("value").asText())
        .findFirst();
  }

  /** The decision a business rule task template calls: its hidden {@code zeebe:calledDecision} {@code decisionId}. */
  public static Optional<String> calledDecision(JsonNode template) {
    return StreamSupport.stream(template.path("properties").spliterator(), false)
        .filter(p -> "zeebe:calledDecision".equals(p.path("binding").path("type").asText())
            && "decisionId".equals(p.path("binding").path("property").asText()))
        .map(p -> p.path("value").asText())
        .findFirst();
  }

  /** Loaded on first use, so reading templates needs no schema validator on the classpath. */
  private static final class Camunda {
    static final Schema SCHEMA = loadSchema();
  }

  private static Schema loadSchema() {
    try (InputStream in = ElementTemplates.class.getResourceAsStream(SCHEMA_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(SCHEMA_RESOURCE + " is not on the test classpath");
      }
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(JSON.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
