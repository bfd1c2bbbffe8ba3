package dev.escalation.processes.modelcheck.lint;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.AdHocSubProcess;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import java.util.ArrayList;
import java.util.List;

/** Every process and sub-process has an end event, so it is visible where its work is done. */
final class EndEventRequired implements LintRule {
  @Override
  public String id() {
    return "end-event-required";
  }

  @Override
  public List<Finding> check(BpmnModelInstance model) {
    List<Finding> findings = new ArrayList<>();
    for (BaseElement scope : Flows.scopes(model)) {
      if (!(scope instanceof AdHocSubProcess) && Flows.elementsOf(scope, EndEvent.class).isEmpty()) {
        findings.add(finding(scope.getId(), "has no end event"));
      }
    }
    return findings;
  }
}
