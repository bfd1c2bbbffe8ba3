package dev.escalation.processes.modelcheck.lint;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.IntermediateThrowEvent;
import io.camunda.zeebe.model.bpmn.instance.LinkEventDefinition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Link events pair by link name within one scope: every link has a name, no two catch events in a
 * scope share one, and every throw event has a catch event of its name to continue at.
 */
final class LinkEvent implements LintRule {
  @Override
  public String id() {
    return "link-event";
  }

  @Override
  public List<Finding> check(BpmnModelInstance model) {
    List<Finding> findings = new ArrayList<>();
    for (BaseElement scope : Flows.scopes(model)) {
      Set<String> caught = new HashSet<>();
      for (IntermediateCatchEvent event : Flows.elementsOf(scope, IntermediateCatchEvent.class)) {
        String name = linkName(event);
        if (name == null) {
          continue;
        }
        if (name.isBlank()) {
          findings.add(finding(event.getId(), "is a link catch event without a link name"));
        } else if (!caught.add(name)) {
          findings.add(finding(event.getId(), "catches link '" + name + "', which another catch event in " + scope.getId() + " catches too"));
        }
      }
      for (IntermediateThrowEvent event : Flows.elementsOf(scope, IntermediateThrowEvent.class)) {
        String name = linkName(event);
        if (name == null) {
          continue;
        }
        if (name.isBlank()) {
          findings.add(finding(event.getId(), "is a link throw event without a link name"));
        } else if (!caught.contains(name)) {
          findings.add(finding(event.getId(), "throws link '" + name + "', which no catch event in " + scope.getId() + " catches"));
        }
      }
    }
    return findings;
  }

  /** The link name, "" for a link without one, null when the event is no link event. */
  private static String linkName(FlowNode event) {
    return Flows.definitions(event).stream()
        .filter(LinkEventDefinition.class::isInstance)
        .map(d -> ((LinkEventDefinition) d).getName())
        .map(n -> n == null ? "" : n.strip())
        .findFirst()
        .orElse(null);
  }
}
