package dev.escalation.processes.modelcheck.lint;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.IntermediateThrowEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Only end events (and event sub-processes, link throw events and compensation handlers) may end a
 * path; any other element without an outgoing flow ends one implicitly.
 */
final class NoImplicitEnd implements LintRule {
  @Override
  public String id() {
    return "no-implicit-end";
  }

  @Override
  public List<Finding> check(BpmnModelInstance model) {
    List<Finding> findings = new ArrayList<>();
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (Flows.outgoing(node).isEmpty() && !endsByDesign(node)) {
        findings.add(finding(node.getId(), "has no outgoing flow, so it ends a path implicitly; connect it or add an end event"));
      }
    }
    return findings;
  }

  private static boolean endsByDesign(FlowNode node) {
    return node instanceof EndEvent
        || Flows.isEventSubProcess(node)
        || (node instanceof IntermediateThrowEvent && Flows.isLinkEvent(node))
        || Flows.isCompensation(node)
        || Flows.insideAdHocSubProcess(node);
  }
}
