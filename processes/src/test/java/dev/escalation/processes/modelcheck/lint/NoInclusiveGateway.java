package dev.escalation.processes.modelcheck.lint;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.InclusiveGateway;
import java.util.List;

/** Inclusive gateways make which paths run, and which a join waits for, hard to read; avoid them. */
final class NoInclusiveGateway implements LintRule {
  @Override
  public String id() {
    return "no-inclusive-gateway";
  }

  @Override
  public List<Finding> check(BpmnModelInstance model) {
    return model.getModelElementsByType(InclusiveGateway.class).stream()
        .map(g -> finding(g.getId(), "is an inclusive gateway; use exclusive and parallel gateways"))
        .toList();
  }
}
