package dev.escalation.processes.modelcheck.lint;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.TerminateEventDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * A terminate end event ends everything else still running in its scope. When it is the scope's only
 * end, and the only other ends are interrupting event sub-processes (which stop the rest anyway),
 * nothing else can be running: a plain end event says the same.
 */
final class SuperfluousTermination implements LintRule {
  @Override
  public String id() {
    return "superfluous-termination";
  }

  @Override
  public List<Finding> check(BpmnModelInstance model) {
    List<Finding> findings = new ArrayList<>();
    for (BaseElement scope : Flows.scopes(model)) {
      List<FlowNode> ends = Flows.elementsOf(scope, FlowNode.class).stream().filter(n -> Flows.outgoing(n).isEmpty()).toList();
      List<FlowNode> terminating = ends.stream().filter(SuperfluousTermination::terminates).toList();
      if (terminating.size() == 1 && ends.stream().allMatch(e -> terminates(e) || interruptingEventSubProcess(e))) {
        findings.add(finding(terminating.get(0).getId(), "terminates " + scope.getId()
            + ", but nothing else can be running there; use a plain end event"));
      }
    }
    return findings;
  }

  private static boolean terminates(FlowNode node) {
    return node instanceof EndEvent && Flows.definitions(node).stream().anyMatch(TerminateEventDefinition.class::isInstance);
  }

  private static boolean interruptingEventSubProcess(FlowNode node) {
    return node instanceof SubProcess subProcess && subProcess.triggeredByEvent()
        && Flows.elementsOf(subProcess, StartEvent.class).stream().allMatch(StartEvent::isInterrupting);
  }
}
