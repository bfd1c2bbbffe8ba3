package dev.escalation.processes.modelcheck.lint;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import java.util.ArrayList;
import java.util.List;

/**
 * An element with neither incoming nor outgoing flows is not part of any path (event sub-processes,
 * compensation handlers and the inner elements of ad-hoc sub-processes excepted).
 */
final class NoDisconnected implements LintRule {
  @Override
  public String id() {
    return "no-disconnected";
  }

  @Override
  public List<Finding> check(BpmnModelInstance model) {
    List<Finding> findings = new ArrayList<>();
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (Flows.incoming(node).isEmpty() && Flows.outgoing(node).isEmpty()
          && !Flows.isEventSubProcess(node) && !Flows.isCompensation(node) && !Flows.insideAdHocSubProcess(node)) {
        findings.add(finding(node.getId(), "is not connected to any flow"));
      }
    }
    return findings;
  }
}
