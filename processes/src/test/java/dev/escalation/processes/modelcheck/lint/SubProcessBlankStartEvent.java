package dev.escalation.processes.modelcheck.lint;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import java.util.ArrayList;
import java.util.List;

/** An embedded sub-process starts when the flow reaches it, so its start event carries no trigger. */
final class SubProcessBlankStartEvent implements LintRule {
  @Override
  public String id() {
    return "sub-process-blank-start-event";
  }

  @Override
  public List<Finding> check(BpmnModelInstance model) {
    List<Finding> findings = new ArrayList<>();
    for (SubProcess subProcess : model.getModelElementsByType(SubProcess.class)) {
      if (subProcess.triggeredByEvent()) {
        continue;
      }
      for (StartEvent start : Flows.elementsOf(subProcess, StartEvent.class)) {
        if (!Flows.definitions(start).isEmpty()) {
          findings.add(finding(start.getId(), "starts the embedded sub-process " + subProcess.getId() + " but has an event definition; make it blank"));
        }
      }
    }
    return findings;
  }
}
