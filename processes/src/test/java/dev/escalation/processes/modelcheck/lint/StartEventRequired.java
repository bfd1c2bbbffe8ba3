package dev.escalation.processes.modelcheck.lint;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.AdHocSubProcess;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import java.util.ArrayList;
import java.util.List;

/** Every process and sub-process has a start event, so it is visible where its work begins. */
final class StartEventRequired implements LintRule {
  @Override
  public String id() {
    return "start-event-required";
  }

  @Override
  public List<Finding> check(BpmnModelInstance model) {
    List<Finding> findings = new ArrayList<>();
    for (BaseElement scope : Flows.scopes(model)) {
      if (!(scope instanceof AdHocSubProcess) && Flows.elementsOf(scope, StartEvent.class).isEmpty()) {
        findings.add(finding(scope.getId(), "has no start event"));
      }
    }
    return findings;
  }
}
