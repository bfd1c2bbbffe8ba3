package dev.escalation.processes.modelcheck.lint;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Event;
import java.util.List;

/** An event reacts to, or throws, one kind of thing; several definitions on one event are ambiguous. */
final class SingleEventDefinition implements LintRule {
  @Override
  public String id() {
    return "single-event-definition";
  }

  @Override
  public List<Finding> check(BpmnModelInstance model) {
    return model.getModelElementsByType(Event.class).stream()
        .filter(e -> Flows.definitions(e).size() > 1)
        .map(e -> finding(e.getId(), "has " + Flows.definitions(e).size() + " event definitions; give it one"))
        .toList();
  }
}
