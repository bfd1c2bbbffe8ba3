package dev.escalation.processes.modelcheck.lint;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Gateway;
import java.util.ArrayList;
import java.util.List;

/** An activity or event must not fork the flow itself: more than one unconditional way out needs a gateway. */
final class NoImplicitSplit implements LintRule {
  @Override
  public String id() {
    return "no-implicit-split";
  }

  @Override
  public List<Finding> check(BpmnModelInstance model) {
    List<Finding> findings = new ArrayList<>();
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (node instanceof Gateway) {
        continue;
      }
      long unconditional = Flows.outgoing(node).stream().filter(f -> !Flows.conditional(f) && !Flows.isDefault(f)).count();
      if (unconditional > 1) {
        findings.add(finding(node.getId(), "splits the flow implicitly (" + unconditional
            + " unconditional outgoing flows); model the split with a parallel or exclusive gateway"));
      }
    }
    return findings;
  }
}
