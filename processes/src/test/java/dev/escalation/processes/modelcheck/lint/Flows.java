package dev.escalation.processes.modelcheck.lint;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.AdHocSubProcess;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.CatchEvent;
import io.camunda.zeebe.model.bpmn.instance.CompensateEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ComplexGateway;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.InclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.LinkEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.ThrowEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The questions several rules ask about flows, events and scopes. */
final class Flows {
  private Flows() {}

  /**
   * The flows arriving at a node, found by their target: the file's incoming lists are redundant
   * with the flows' references and not always written by every tool.
   */
  static List<SequenceFlow> incoming(FlowNode node) {
    return node.getModelInstance().getModelElementsByType(SequenceFlow.class).stream()
        .filter(f -> f.getTarget().getId().equals(node.getId())).toList();
  }

  /** The flows leaving a node, found by their source. */
  static List<SequenceFlow> outgoing(FlowNode node) {
    return node.getModelInstance().getModelElementsByType(SequenceFlow.class).stream()
        .filter(f -> f.getSource().getId().equals(node.getId())).toList();
  }

  static boolean conditional(SequenceFlow flow) {
    return flow.getConditionExpression() != null && !blank(flow.getConditionExpression().getTextContent());
  }

  /** Whether the flow is its source's default flow (taken when no condition holds). */
  static boolean isDefault(SequenceFlow flow) {
    FlowNode source = flow.getSource();
    SequenceFlow fallback = null;
    if (source instanceof ExclusiveGateway gateway) {
      fallback = gateway.getDefault();
    } else if (source instanceof InclusiveGateway gateway) {
      fallback = gateway.getDefault();
    } else if (source instanceof ComplexGateway gateway) {
      fallback = gateway.getDefault();
    } else if (source instanceof Activity activity) {
      fallback = activity.getDefault();
    }
    return fallback != null && fallback.getId().equals(flow.getId());
  }

  static Collection<EventDefinition> definitions(FlowNode node) {
    if (node instanceof CatchEvent event) {
      return event.getEventDefinitions();
    } else if (node instanceof ThrowEvent event) {
      return event.getEventDefinitions();
    }
    return List.of();
  }

  /** An event whose definitions are all of one kind, and there is at least one. */
  static boolean onlyDefinitionsOf(FlowNode node, Class<? extends EventDefinition> kind) {
    Collection<EventDefinition> definitions = definitions(node);
    return !definitions.isEmpty() && definitions.stream().allMatch(kind::isInstance);
  }

  static boolean isLinkEvent(FlowNode node) {
    return onlyDefinitionsOf(node, LinkEventDefinition.class);
  }

  static boolean isCompensation(FlowNode node) {
    return (node instanceof Activity activity && activity.isForCompensation())
        || onlyDefinitionsOf(node, CompensateEventDefinition.class);
  }

  static boolean isEventSubProcess(FlowNode node) {
    return node instanceof SubProcess subProcess && subProcess.triggeredByEvent();
  }

  /** Ad-hoc sub-processes run their inner elements without sequence flows, on purpose. */
  static boolean insideAdHocSubProcess(FlowNode node) {
    return node.getParentElement() instanceof AdHocSubProcess;
  }

  /** Processes and sub-processes: the containers of flow elements. */
  static List<BaseElement> scopes(BpmnModelInstance model) {
    List<BaseElement> scopes = new ArrayList<>(model.getModelElementsByType(Process.class));
    scopes.addAll(model.getModelElementsByType(SubProcess.class));
    return scopes;
  }

  static Collection<FlowElement> elementsOf(BaseElement scope) {
    if (scope instanceof Process process) {
      return process.getFlowElements();
    }
    return ((SubProcess) scope).getFlowElements();
  }

  static <T> List<T> elementsOf(BaseElement scope, Class<T> type) {
    return elementsOf(scope).stream().filter(type::isInstance).map(type::cast).toList();
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
