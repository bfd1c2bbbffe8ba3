package dev.escalation.processes.modelcheck.lint;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.ComplexGateway;
import java.util.List;

/** Complex gateways hide their behaviour in an activation condition; model it with simpler gateways. */
final class NoComplexGateway implements LintRule {
  @Override
  public String id() {
    return "no-complex-gateway";
  }

  @Override
  public List<Finding> check(BpmnModelInstance model) {
    return model.getModelElementsByType(ComplexGateway.class).stream()
        .map(g -> finding(g.getId(), "is a complex gateway; use exclusive, parallel or event-based gateways"))
        .toList();
  }
}
