package dev.escalation.processes.modelcheck.lint;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.camunda.zeebe.model.bpmn.instance.dc.Bounds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * From the diagram's bounds: shapes of elements in the same scope do not overlap, and the shape of an
 * element inside an expanded sub-process lies within the sub-process's shape. Boundary events sit on
 * their host's border by design and are left out; labels are not checked.
 */
final class NoOverlappingElements implements LintRule {
  @Override
  public String id() {
    return "no-overlapping-elements";
  }

  @Override
  public List<Finding> check(BpmnModelInstance model) {
    Map<String, Bounds> bounds = new HashMap<>();
    for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
      bounds.put(shape.getBpmnElement().getId(), shape.getBounds());
    }
    List<FlowNode> nodes = model.getModelElementsByType(FlowNode.class).stream()
        .filter(n -> !(n instanceof BoundaryEvent) && bounds.containsKey(n.getId()))
        .toList();
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      FlowNode node = nodes.get(i);
      for (int j = i + 1; j < nodes.size(); j++) {
        FlowNode other = nodes.get(j);
        if (node.getParentElement() == other.getParentElement() && overlap(bounds.get(node.getId()), bounds.get(other.getId()))) {
          findings.add(finding(node.getId(), "overlaps " + other.getId() + " in the diagram"));
        }
      }
      ModelElementInstance parent = node.getParentElement();
      if (parent instanceof FlowNode container && bounds.containsKey(container.getId())
          && !inside(bounds.get(node.getId()), bounds.get(container.getId()))) {
        findings.add(finding(node.getId(), "sticks out of its sub-process " + container.getId() + " in the diagram"));
      }
    }
    return findings;
  }

  private static boolean overlap(Bounds a, Bounds b) {
    return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
        && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
  }

  private static boolean inside(Bounds inner, Bounds outer) {
    return inner.getX() >= outer.getX() && inner.getY() >= outer.getY()
        && inner.getX() + inner.getWidth() <= outer.getX() + outer.getWidth()
        && inner.getY() + inner.getHeight() <= outer.getY() + outer.getHeight();
  }
}
