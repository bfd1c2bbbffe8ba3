package dev.escalation.processes.modelcheck.lint;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of bpmnlint's {@code recommended} configuration that Camunda Modeler applies, and the
 * Camunda 8.8 compatibility checks, each written here on the BPMN model API.
 */
public final class Lint {
  /**
   * bpmnlint {@code recommended}. Not included: {@code ad-hoc-sub-process}, {@code event-based-gateway}
   * and {@code global}; none of our models uses ad-hoc sub-processes, event-based gateways or global
   * elements such as reusable tasks.
   */
  public static final List<LintRule> RECOMMENDED = List.of(
      new ConditionalFlows(),
      new EndEventRequired(),
      new EventSubProcessTypedStartEvent(),
      new FakeJoin(),
      new LabelRequired(),
      new LinkEvent(),
      new NoBpmnDi(),
      new NoComplexGateway(),
      new NoDisconnected(),
      new NoDuplicateSequenceFlows(),
      new NoGatewayJoinFork(),
      new NoImplicitEnd(),
      new NoImplicitSplit(),
      new NoImplicitStart(),
      new NoInclusiveGateway(),
      new NoOverlappingElements(),
      new SingleBlankStartEvent(),
      new SingleEventDefinition(),
      new StartEventRequired(),
      new SubProcessBlankStartEvent(),
      new SuperfluousGateway(),
      new SuperfluousTermination());

  /** What Camunda Modeler's camunda-compat plugin would flag for an 8.8 cluster, as far as checked here. */
  public static final List<LintRule> CAMUNDA_8_8 = List.of(
      new SupportedElementTypes(),
      new JobTypeRequired(),
      new TimerExpressions());

  private Lint() {}

  public static List<Finding> check(BpmnModelInstance model, List<LintRule> rules) {
    List<Finding> findings = new ArrayList<>();
    for (LintRule rule : rules) {
      findings.addAll(rule.check(model));
    }
    return findings;
  }
}
