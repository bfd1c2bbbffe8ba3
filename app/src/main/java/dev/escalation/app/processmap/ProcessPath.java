package dev.escalation.app.processmap;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.ErrorEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The elements a ticket has passed, worked out from the model and the elements the ledger saw (the
 * jobs it handled and the element it waits in). The engine does not report events, gateways and
 * flows to the app, so they are inferred by BPMN's own rules:
 * <ul>
 *   <li>a token reaches an element with one incoming flow only through that flow, so the flow and its
 *       source were passed; with several incoming flows, those whose source was passed are marked;
 *   <li>a boundary event that was passed interrupted (or ran beside) the activity it is attached to,
 *       so that activity was active; an error boundary event was triggered by an error end event
 *       with the same error inside that activity, which was passed;
 *   <li>an element inside a subprocess means the subprocess, and its start event, were entered.
 * </ul>
 * Loops can make a flow look passed when only its target was reached another way; the map is a
 * picture of where the ticket went, not an audit (the timeline is).
 */
final class ProcessPath {
  private final BpmnModelInstance model;

  ProcessPath(BpmnModelInstance model) {
    this.model = model;
  }

  /** Element and flow ids passed, given the ids of elements known to have been reached. */
  Set<String> passed(Collection<String> reached) {
    Set<String> passed = new LinkedHashSet<>();
    reached.stream().map(this::node).filter(Objects::nonNull).forEach(n -> passed.add(n.getId()));
    boolean grew = true;
    while (grew) {
      int before = passed.size();
      for (String id : Set.copyOf(passed)) {
        FlowNode node = node(id);
        if (node != null) {
          inferFrom(node, passed);
        }
      }
      grew = passed.size() > before;
    }
    return passed;
  }

  private void inferFrom(FlowNode node, Set<String> passed) {
    Collection<SequenceFlow> incoming = node.getIncoming();
    if (incoming.size() == 1) {
      SequenceFlow flow = incoming.iterator().next();
      passed.add(flow.getId());
      passed.add(flow.getSource().getId());
    } else {
      for (SequenceFlow flow : incoming) {
        if (passed.contains(flow.getSource().getId())) {
          passed.add(flow.getId());
        }
      }
    }
    if (node instanceof BoundaryEvent boundary) {
      Activity host = boundary.getAttachedTo();
      passed.add(host.getId());
      boundary.getEventDefinitions().stream()
          .filter(ErrorEventDefinition.class::isInstance).map(ErrorEventDefinition.class::cast)
          .forEach(caught -> thrownInside(host, caught, passed));
    }
    if (node.getParentElement() instanceof SubProcess sub) {
      passed.add(sub.getId());
      sub.getChildElementsByType(io.camunda.zeebe.model.bpmn.instance.StartEvent.class).stream()
          .filter(start -> start.getEventDefinitions().isEmpty())
          .forEach(start -> passed.add(start.getId()));
    }
  }

  private static void thrownInside(Activity host, ErrorEventDefinition caught, Set<String> passed) {
    if (!(host instanceof SubProcess sub) || caught.getError() == null) {
      return;
    }
    for (EndEvent end : sub.getChildElementsByType(EndEvent.class)) {
      boolean same = end.getEventDefinitions().stream()
          .filter(ErrorEventDefinition.class::isInstance).map(ErrorEventDefinition.class::cast)
          .anyMatch(thrown -> thrown.getError() != null
              && Objects.equals(thrown.getError().getErrorCode(), caught.getError().getErrorCode()));
      if (same) {
        passed.add(end.getId());
      }
    }
  }

  private FlowNode node(String id) {
    return model.getModelElementById(id) instanceof FlowNode n ? n : null;
  }
}
