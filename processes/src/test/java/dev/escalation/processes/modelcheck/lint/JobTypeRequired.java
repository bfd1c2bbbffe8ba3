package dev.escalation.processes.modelcheck.lint;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BusinessRuleTask;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ScriptTask;
import io.camunda.zeebe.model.bpmn.instance.SendTask;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.ThrowEvent;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeScript;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * camunda-compat for Camunda 8.8, job types: elements that Zeebe runs as jobs (service and send tasks,
 * message throw and end events, script tasks without an inline FEEL script, business rule tasks
 * without a called decision) have a {@code zeebe:taskDefinition} with a type, or no worker ever gets them.
 */
final class JobTypeRequired implements LintRule {
  @Override
  public String id() {
    return "camunda-compat/task-definition";
  }

  @Override
  public List<Finding> check(BpmnModelInstance model) {
    List<Finding> findings = new ArrayList<>();
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (runsAsJob(node)) {
        ZeebeTaskDefinition definition = node.getSingleExtensionElement(ZeebeTaskDefinition.class);
        if (definition == null || Flows.blank(definition.getType())) {
          findings.add(finding(node.getId(), "runs as a job but has no job type (zeebe:taskDefinition type)"));
        }
      }
    }
    return findings;
  }

  private static boolean runsAsJob(FlowNode node) {
    if (node instanceof ServiceTask || node instanceof SendTask) {
      return true;
    } else if (node instanceof ScriptTask) {
      return node.getSingleExtensionElement(ZeebeScript.class) == null;
    } else if (node instanceof BusinessRuleTask) {
      return node.getSingleExtensionElement(ZeebeCalledDecision.class) == null;
    }
    return node instanceof ThrowEvent && Flows.definitions(node).stream().anyMatch(MessageEventDefinition.class::isInstance);
  }
}
