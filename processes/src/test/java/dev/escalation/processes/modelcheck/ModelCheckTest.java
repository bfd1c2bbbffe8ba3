package dev.escalation.processes.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.escalation.processes.TicketEscalation;
import dev.escalation.processes.modelcheck.lint.Lint;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelCheckTest {
  /** Surefire runs with the module folder as working directory, where designers keep the models. */
  private static final Path MODELS = Path.of(".");

  @Test
  void everyModelInTheModuleIsClean() {
    List<Path> models = BpmnModelCheck.modelsIn(MODELS);
    assertThat(models).extracting(p -> p.getFileName().toString()).contains("ticket-escalation.bpmn");
    for (Path file : models) {
      assertThat(BpmnModelCheck.violations(BpmnModelCheck.read(file), null)).as(file.toString()).isEmpty();
    }
  }

  @Test
  void everyModelPassesCamundaModelersRecommendedLintRules() {
    for (Path file : BpmnModelCheck.modelsIn(MODELS)) {
      assertThat(Lint.check(BpmnModelCheck.read(file), Lint.RECOMMENDED)).as(file.toString()).isEmpty();
    }
  }

  @Test
  void everyModelRunsOnCamunda88AsFarAsTheCompatibilityChecksSee() {
    for (Path file : BpmnModelCheck.modelsIn(MODELS)) {
      assertThat(Lint.check(BpmnModelCheck.read(file), Lint.CAMUNDA_8_8)).as(file.toString()).isEmpty();
    }
  }

  @Test
  void everyBusinessRuleTaskCallsADecisionThatADmnFileDefines() {
    Set<String> decisions = BpmnModelCheck.decisionIdsIn(MODELS);
    assertThat(decisions).contains("escalation-criteria", "refund-authority");
    for (Path file : BpmnModelCheck.modelsIn(MODELS)) {
      assertThat(BpmnModelCheck.unknownDecisions(BpmnModelCheck.read(file), decisions)).as(file.toString()).isEmpty();
    }
  }

  @Test
  void flagsABusinessRuleTaskWhoseDecisionDoesNotExist() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("bad-decision")
            .startEvent("StartedStartEvent")
            .name("Started")
            .businessRuleTask("DecideBusinessRuleTask", t -> t.name("Decide").zeebeCalledDecisionId("escalation-critera")
                .zeebeResultVariable("criteria"))
            .endEvent("DoneEndEvent")
            .name("Done")
            .done();

    assertThat(BpmnModelCheck.unknownDecisions(model, Set.of("escalation-criteria")))
        .singleElement()
        .satisfies(v -> assertThat(v).startsWith("DecideBusinessRuleTask: decision 'escalation-critera' is not defined"));
  }

  @Test
  void theContractNamesExactlyTheJobTypesAndElementsOfTheModel() throws Exception {
    BpmnModelInstance model = BpmnModelCheck.read(MODELS.resolve("ticket-escalation.bpmn"));
    assertThat(BpmnModelCheck.jobTypes(model)).containsExactlyInAnyOrderElementsOf(constants(TicketEscalation.JobTypes.class));
    for (String elementId : constants(TicketEscalation.Elements.class)) {
      assertThat(model.<io.camunda.zeebe.model.bpmn.instance.BaseElement>getModelElementById(elementId))
          .as("element %s named in TicketEscalation.Elements", elementId)
          .isNotNull();
    }
  }

  @Test
  void flagsGeneratedIdsUnnamedElementsLiteralTimersAndUnknownJobTypes() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("bad-process")
            .startEvent("StartEvent_1")
            .serviceTask("Activity_0x1y2z3")
            .name("Do something")
            .zeebeJobType("nobody-handles-this")
            .intermediateCatchEvent("WaitTimerEvent")
            .name("Wait")
            .timerWithDate("2026-12-24T10:00:00Z")
            .endEvent("DoneEndEvent")
            .name("Done")
            .done();

    List<String> violations = BpmnModelCheck.violations(model, Set.of("assign-owner"));

    assertThat(violations)
        .anyMatch(v -> v.startsWith("StartEvent_1: generated id"))
        .anyMatch(v -> v.startsWith("StartEvent_1: has no name"))
        .anyMatch(v -> v.startsWith("Activity_0x1y2z3: generated id"))
        .anyMatch(v -> v.startsWith("WaitTimerEvent: timer '2026-12-24T10:00:00Z' is a literal"))
        .anyMatch(v -> v.startsWith("Activity_0x1y2z3: job type 'nobody-handles-this' has no worker"))
        .noneMatch(v -> v.startsWith("DoneEndEvent"));
  }

  @Test
  void flagsUserTasksWithoutCandidateGroupsAndWrongSuffixes() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("approval")
            .startEvent("RequestedStartEvent")
            .name("Requested")
            .userTask("ApproveRefund")
            .name("Approve refund")
            .endEvent("ApprovedEndEvent")
            .name("Approved")
            .done();

    assertThat(BpmnModelCheck.violations(model, null))
        .anyMatch(v -> v.equals("ApproveRefund: user task without candidate groups"))
        .anyMatch(v -> v.equals("ApproveRefund: id should end with 'Task'"));
  }

  static Set<String> constants(Class<?> holder) throws IllegalAccessException {
    Set<String> values = new HashSet<>();
    for (Field field : holder.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        values.add((String) field.get(null));
      }
    }
    return values;
  }
}
