package dev.escalation.processes.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Designers drop in "Assign owner" or "Escalate ticket" from Modeler instead of typing job types. */
class ElementTemplatesTest {
  private static final Path TEMPLATES = Path.of("element-templates");

  @Test
  void everyTemplateIsOneModelerAccepts() {
    templates().forEach((file, template) -> assertThat(ElementTemplates.schemaViolations(template)).as(file).isEmpty());
  }

  @Test
  void theSchemaCheckRejectsABrokenTemplate() {
    ObjectNode broken = templates().values().iterator().next().deepCopy();
    broken.remove("properties");
    ((ObjectNode) broken).put("appliesTo", "bpmn:Task");

    assertThat(ElementTemplates.schemaViolations(broken)).isNotEmpty();
  }

  @Test
  void eachTemplateIsNamedAfterItsJobTypeOrDecisionAndHasAStableId() {
    templates().forEach((file, template) -> {
      String name = ElementTemplates.jobType(template).or(() -> ElementTemplates.calledDecision(template))
          .orElseThrow(() -> new AssertionError(file + " sets no job type and calls no decision"));
      assertThat(file).isEqualTo(name + ".json");
      assertThat(template.path("id").asText()).isEqualTo(ElementTemplates.ID_PREFIX + name);
      assertThat(template.path("name").asText()).as(file).isNotBlank();
      assertThat(template.path("description").asText()).as(file).isNotBlank();
    });
  }

  @Test
  void everyJobTypeOfEveryModelHasATemplateAndEveryTemplateATask() {
    Set<String> modelJobTypes = new TreeSet<>();
    BpmnModelCheck.modelsIn(Path.of(".")).forEach(model -> modelJobTypes.addAll(BpmnModelCheck.jobTypes(BpmnModelCheck.read(model))));
    Set<String> templateJobTypes = new TreeSet<>();
    templates().values().forEach(t -> ElementTemplates.jobType(t).ifPresent(templateJobTypes::add));

    assertThat(templateJobTypes).as("job types with a template").isEqualTo(modelJobTypes);
  }

  /** S1: the SLA policy task a designer drops in calls the table as the model does, bound to the deployment. */
  @Test
  void theSlaPolicyTemplateCallsADefinedDecisionAsTheModelsTaskDoes() throws IOException {
    ObjectNode template = templates().get("sla-policy.json");
    assertThat(template).as("template for the SLA policy task").isNotNull();
    String decision = ElementTemplates.calledDecision(template).orElseThrow();
    assertThat(BpmnModelCheck.decisionIdsIn(Path.of("."))).contains(decision);
    var task = BpmnModelCheck.read(Path.of("ticket-escalation.bpmn"))
        .getModelElementById(dev.escalation.processes.TicketEscalation.Elements.EVALUATE_SLA_POLICY);
    var called = ((io.camunda.zeebe.model.bpmn.instance.BusinessRuleTask) task)
        .getSingleExtensionElement(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision.class);
    Map<String, String> hidden = new TreeMap<>();
    template.path("properties").forEach(p -> {
      if ("zeebe:calledDecision".equals(p.path("binding").path("type").asText())) {
        hidden.put(p.path("binding").path("property").asText(), p.path("value").asText());
      }
    });
    assertThat(hidden).containsEntry("decisionId", called.getDecisionId())
        .containsEntry("resultVariable", called.getResultVariable())
        .containsEntry("bindingType", called.getBindingType().name().toLowerCase());
  }

  private static Map<String, ObjectNode> templates() {
    Map<String, ObjectNode> byFile = new TreeMap<>();
    try (Stream<Path> files = Files.list(TEMPLATES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          JsonNode template = ElementTemplates.read(in);
          byFile.put(file.getFileName().toString(), (ObjectNode) template);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(byFile).isNotEmpty();
    return byFile;
  }
}
