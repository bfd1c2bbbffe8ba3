package dev.escalation.processes.modelcheck.lint;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Two flows with the same source, target and condition send two tokens where one was meant. */
final class NoDuplicateSequenceFlows implements LintRule {
  @Override
  public String id() {
    return "no-duplicate-sequence-flows";
  }

  @Override
  public List<Finding> check(BpmnModelInstance model) {
    Map<String, String> firstBySignature = new HashMap<>();
    List<Finding> findings = new ArrayList<>();
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      String condition = Flows.conditional(flow) ? flow.getConditionExpression().getTextContent().strip() : "";
      String signature = flow.getSource().getId() + "\n" + flow.getTarget().getId() + "\n" + condition;
      String first = firstBySignature.putIfAbsent(signature, flow.getId());
      if (first != null) {
        findings.add(finding(flow.getId(), "duplicates " + first + " (same source, target and condition)"));
      }
    }
    return findings;
  }
}
