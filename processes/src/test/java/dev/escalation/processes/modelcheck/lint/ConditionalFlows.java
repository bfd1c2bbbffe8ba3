package dev.escalation.processes.modelcheck.lint;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.ComplexGateway;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Gateway;
import io.camunda.zeebe.model.bpmn.instance.InclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the way out is decided (an exclusive, inclusive or complex gateway that forks, or an activity
 * with a conditional outgoing flow), every outgoing flow carries a condition or is the default.
 */
final class ConditionalFlows implements LintRule {
  @Override
  public String id() {
    return "conditional-flows";
  }

  @Override
  public List<Finding> check(BpmnModelInstance model) {
    List<Finding> findings = new ArrayList<>();
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (Flows.outgoing(node).size() < 2 || !decides(node)) {
        continue;
      }
      for (SequenceFlow flow : Flows.outgoing(node)) {
        if (!Flows.conditional(flow) && !Flows.isDefault(flow)) {
          findings.add(finding(flow.getId(), "leaves the decision at " + node.getId() + " without a condition and is not its default flow"));
        }
      }
    }
    return findings;
  }

  private static boolean decides(FlowNode node) {
    if (node instanceof ExclusiveGateway || node instanceof InclusiveGateway || node instanceof ComplexGateway) {
      return true;
    }
    return !(node instanceof Gateway) && Flows.outgoing(node).stream().anyMatch(Flows::conditional);
  }
}
