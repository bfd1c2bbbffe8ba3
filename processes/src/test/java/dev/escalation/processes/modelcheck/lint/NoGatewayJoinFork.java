package dev.escalation.processes.modelcheck.lint;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Gateway;
import java.util.List;

/** A gateway either joins or forks; doing both in one symbol hides which happens first. */
final class NoGatewayJoinFork implements LintRule {
  @Override
  public String id() {
    return "no-gateway-join-fork";
  }

  @Override
  public List<Finding> check(BpmnModelInstance model) {
    return model.getModelElementsByType(Gateway.class).stream()
        .filter(g -> Flows.incoming(g).size() > 1 && Flows.outgoing(g).size() > 1)
        .map(g -> finding(g.getId(), "joins and forks at once; split it into a joining and a forking gateway"))
        .toList();
  }
}
