package dev.escalation.processes.modelcheck.lint;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * camunda-compat for Camunda 8.8, element types: every flow node and event definition is of a kind
 * this check knows Zeebe 8.8 to execute. The lists are an allow-list: a kind missing here is refused
 * even where a later Zeebe version may accept it.
 */
final class SupportedElementTypes implements LintRule {
  private static final Set<String> FLOW_NODES = Set.of(
      "startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent",
      "task", "serviceTask", "userTask", "receiveTask", "sendTask", "scriptTask", "businessRuleTask", "manualTask",
      "callActivity", "subProcess", "adHocSubProcess",
      "exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway");
  private static final Set<String> EVENT_DEFINITIONS = Set.of(
      "messageEventDefinition", "timerEventDefinition", "errorEventDefinition", "signalEventDefinition",
      "escalationEventDefinition", "terminateEventDefinition", "linkEventDefinition", "compensateEventDefinition");

  @Override
  public String id() {
    return "camunda-compat/element-type";
  }

  @Override
  public List<Finding> check(BpmnModelInstance model) {
    List<Finding> findings = new ArrayList<>();
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      String type = node.getElementType().getTypeName();
      if (!FLOW_NODES.contains(type)) {
        findings.add(finding(node.getId(), "is a " + type + ", which Camunda 8.8 does not execute"));
      }
      for (EventDefinition definition : Flows.definitions(node)) {
        String kind = definition.getElementType().getTypeName();
        if (!EVENT_DEFINITIONS.contains(kind)) {
          findings.add(finding(node.getId(), "has a " + kind + ", which Camunda 8.8 does not execute"));
        }
      }
    }
    return findings;
  }
}
