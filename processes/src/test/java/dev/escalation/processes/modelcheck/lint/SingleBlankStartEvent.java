package dev.escalation.processes.modelcheck.lint;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import java.util.ArrayList;
import java.util.List;

/** A scope has at most one blank start event; with several, which one starts it is undefined. */
final class SingleBlankStartEvent implements LintRule {
  @Override
  public String id() {
    return "single-blank-start-event";
  }

  @Override
  public List<Finding> check(BpmnModelInstance model) {
    List<Finding> findings = new ArrayList<>();
    for (BaseElement scope : Flows.scopes(model)) {
      List<StartEvent> blank = Flows.elementsOf(scope, StartEvent.class).stream().filter(s -> Flows.definitions(s).isEmpty()).toList();
      if (blank.size() > 1) {
        findings.add(finding(scope.getId(), "has " + blank.size() + " blank start events: "
            + blank.stream().map(StartEvent::getId).toList()));
      }
    }
    return findings;
  }
}
