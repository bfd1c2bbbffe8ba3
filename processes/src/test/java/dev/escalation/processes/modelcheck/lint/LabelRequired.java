package dev.escalation.processes.modelcheck.lint;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.EventBasedGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Gateway;
import io.camunda.zeebe.model.bpmn.instance.ParallelGateway;
import java.util.ArrayList;
import java.util.List;

/**
 * Every flow node carries a name a reader of the diagram sees, except gateways whose symbol says it
 * all: parallel and event-based gateways, and gateways that do not fork.
 */
final class LabelRequired implements LintRule {
  @Override
  public String id() {
    return "label-required";
  }

  @Override
  public List<Finding> check(BpmnModelInstance model) {
    List<Finding> findings = new ArrayList<>();
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (needsLabel(node) && Flows.blank(node.getName())) {
        findings.add(finding(node.getId(), "has no name"));
      }
    }
    return findings;
  }

  private static boolean needsLabel(FlowNode node) {
    if (node instanceof ParallelGateway || node instanceof EventBasedGateway) {
      return false;
    }
    return !(node instanceof Gateway) || Flows.outgoing(node).size() > 1;
  }
}
