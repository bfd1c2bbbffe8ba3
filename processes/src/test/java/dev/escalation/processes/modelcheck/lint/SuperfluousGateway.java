package dev.escalation.processes.modelcheck.lint;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Gateway;
import java.util.List;

/** A gateway with one way in and one way out does nothing. */
final class SuperfluousGateway implements LintRule {
  @Override
  public String id() {
    return "superfluous-gateway";
  }

  @Override
  public List<Finding> check(BpmnModelInstance model) {
    return model.getModelElementsByType(Gateway.class).stream()
        .filter(g -> Flows.incoming(g).size() == 1 && Flows.outgoing(g).size() == 1)
        .map(g -> finding(g.getId(), "has a single incoming and a single outgoing flow, so it does nothing"))
        .toList();
  }
}
