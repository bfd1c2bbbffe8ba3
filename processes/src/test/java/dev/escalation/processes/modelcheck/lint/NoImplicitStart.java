package dev.escalation.processes.modelcheck.lint;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Only start events (and boundary events, event sub-processes, link catch events and compensation
 * handlers) may begin a path; any other element without an incoming flow starts one implicitly.
 */
final class NoImplicitStart implements LintRule {
  @Override
  public String id() {
    return "no-implicit-start";
  }

  @Override
  public List<Finding> check(BpmnModelInstance model) {
    List<Finding> findings = new ArrayList<>();
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (Flows.incoming(node).isEmpty() && !startsByDesign(node)) {
        findings.add(finding(node.getId(), "has no incoming flow, so it starts a path implicitly; connect it or use a start event"));
      }
    }
    return findings;
  }

  private static boolean startsByDesign(FlowNode node) {
    return node instanceof StartEvent
        || node instanceof BoundaryEvent
        || Flows.isEventSubProcess(node)
        || (node instanceof IntermediateCatchEvent && Flows.isLinkEvent(node))
        || Flows.isCompensation(node)
        || Flows.insideAdHocSubProcess(node);
  }
}
