package dev.escalation.processes.modelcheck.lint;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.Event;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Several flows into an activity or event look like a join but do not wait for each other: each
 * arriving token runs the element again. Merge or join with a gateway in front of it.
 */
final class FakeJoin implements LintRule {
  @Override
  public String id() {
    return "fake-join";
  }

  @Override
  public List<Finding> check(BpmnModelInstance model) {
    List<Finding> findings = new ArrayList<>();
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if ((node instanceof Activity || node instanceof Event) && Flows.incoming(node).size() > 1) {
        findings.add(finding(node.getId(), Flows.incoming(node).size() + " incoming flows do not join; put a gateway in front"));
      }
    }
    return findings;
  }
}
