package dev.escalation.processes.modelcheck.lint;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Every flow node has a shape and every sequence flow an edge in the diagram, or Modeler cannot show it. */
final class NoBpmnDi implements LintRule {
  @Override
  public String id() {
    return "no-bpmndi";
  }

  @Override
  public List<Finding> check(BpmnModelInstance model) {
    Set<String> drawn = new HashSet<>();
    model.getModelElementsByType(BpmnShape.class).forEach(s -> drawn.add(s.getBpmnElement().getId()));
    model.getModelElementsByType(BpmnEdge.class).forEach(e -> drawn.add(e.getBpmnElement().getId()));
    List<Finding> findings = new ArrayList<>();
    for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
      if ((element instanceof FlowNode || element instanceof SequenceFlow) && !drawn.contains(element.getId())) {
        findings.add(finding(element.getId(), "is missing from the diagram (no BPMNShape or BPMNEdge)"));
      }
    }
    return findings;
  }
}
