package dev.escalation.processes.modelcheck.lint;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import java.util.ArrayList;
import java.util.List;

/** An event sub-process runs when its trigger occurs, so its start event must say which (message, timer, error ...). */
final class EventSubProcessTypedStartEvent implements LintRule {
  @Override
  public String id() {
    return "event-sub-process-typed-start-event";
  }

  @Override
  public List<Finding> check(BpmnModelInstance model) {
    List<Finding> findings = new ArrayList<>();
    for (SubProcess subProcess : model.getModelElementsByType(SubProcess.class)) {
      if (!subProcess.triggeredByEvent()) {
        continue;
      }
      for (StartEvent start : Flows.elementsOf(subProcess, StartEvent.class)) {
        if (Flows.definitions(start).isEmpty()) {
          findings.add(finding(start.getId(), "starts the event sub-process " + subProcess.getId() + " but has no event definition"));
        }
      }
    }
    return findings;
  }
}
