package dev.escalation.processes.modelcheck.lint;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.util.List;

/**
 * One modelling rule, named like the Camunda Modeler (bpmnlint) rule whose documented meaning it
 * implements, so a designer who sees the id here finds the same rule in Modeler's problems panel.
 */
public interface LintRule {
  String id();

  List<Finding> check(BpmnModelInstance model);

  default Finding finding(String elementId, String message) {
    return new Finding(id(), elementId, message);
  }
}
