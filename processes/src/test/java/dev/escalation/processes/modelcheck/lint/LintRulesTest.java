package dev.escalation.processes.modelcheck.lint;

import static dev.escalation.processes.modelcheck.lint.LintModels.conditionalFlow;
import static dev.escalation.processes.modelcheck.lint.LintModels.edge;
import static dev.escalation.processes.modelcheck.lint.LintModels.flow;
import static dev.escalation.processes.modelcheck.lint.LintModels.process;
import static dev.escalation.processes.modelcheck.lint.LintModels.shape;
import static dev.escalation.processes.modelcheck.lint.LintModels.startTaskEnd;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule on a small model that breaks it: the rule names exactly the offending elements. */
class LintRulesTest {

  private static List<String> offenders(LintRule rule, BpmnModelInstance model) {
    List<Finding> findings = rule.check(model);
    assertThat(findings).allSatisfy(f -> assertThat(f.rule()).isEqualTo(rule.id()));
    return findings.stream().map(Finding::elementId).toList();
  }

  @Test
  void theCleanSampleBreaksNoRecommendedRuleExceptMissingDiagram() {
    List<Finding> findings = Lint.check(process(startTaskEnd()), Lint.RECOMMENDED);
    assertThat(findings).extracting(Finding::rule).containsOnly("no-bpmndi");
  }

  @Test
  void noImplicitSplitFlagsATaskWithTwoUnconditionalWaysOut() {
    String body = startTaskEnd() + "<bpmn:endEvent id=\"AlsoDoneEndEvent\" name=\"Also done\" />"
        + flow("WorkToAlsoDoneFlow", "WorkTask", "AlsoDoneEndEvent");
    assertThat(offenders(new NoImplicitSplit(), process(body))).containsExactly("WorkTask");
  }

  @Test
  void noImplicitSplitAcceptsTheSameSplitThroughAParallelGateway() {
    String body = """
        <bpmn:startEvent id="StartedStartEvent" name="Started" />
        <bpmn:parallelGateway id="SplitGateway" />
        <bpmn:endEvent id="DoneEndEvent" name="Done" />
        <bpmn:endEvent id="AlsoDoneEndEvent" name="Also done" />
        """ + flow("StartedToSplitFlow", "StartedStartEvent", "SplitGateway") + flow("SplitToDoneFlow", "SplitGateway", "DoneEndEvent")
        + flow("SplitToAlsoDoneFlow", "SplitGateway", "AlsoDoneEndEvent");
    assertThat(offenders(new NoImplicitSplit(), process(body))).isEmpty();
  }

  @Test
  void noImplicitStartFlagsATaskWithoutIncomingFlow() {
    String body = startTaskEnd() + "<bpmn:serviceTask id=\"OrphanTask\" name=\"Orphan\" />"
        + flow("OrphanToDoneFlow", "OrphanTask", "DoneEndEvent");
    assertThat(offenders(new NoImplicitStart(), process(body))).containsExactly("OrphanTask");
  }

  @Test
  void noImplicitEndFlagsATaskWithoutOutgoingFlow() {
    String body = startTaskEnd() + "<bpmn:serviceTask id=\"DeadEndTask\" name=\"Dead end\" />"
        + flow("StartedToDeadEndFlow", "StartedStartEvent", "DeadEndTask");
    assertThat(offenders(new NoImplicitEnd(), process(body))).containsExactly("DeadEndTask");
  }

  @Test
  void conditionalFlowsFlagsADecisionFlowWithoutConditionThatIsNotTheDefault() {
    String body = """
        <bpmn:startEvent id="StartedStartEvent" name="Started" />
        <bpmn:exclusiveGateway id="UrgentGateway" name="Urgent?" />
        <bpmn:endEvent id="UrgentEndEvent" name="Urgent" />
        <bpmn:endEvent id="NormalEndEvent" name="Normal" />
        """ + flow("StartedToUrgentFlow", "StartedStartEvent", "UrgentGateway")
        + conditionalFlow("UrgentYesFlow", "UrgentGateway", "UrgentEndEvent", "=urgent")
        + flow("UrgentNoFlow", "UrgentGateway", "NormalEndEvent");
    assertThat(offenders(new ConditionalFlows(), process(body))).containsExactly("UrgentNoFlow");
    assertThat(offenders(new ConditionalFlows(), process(body.replace("name=\"Urgent?\"", "name=\"Urgent?\" default=\"UrgentNoFlow\""))))
        .isEmpty();
  }

  @Test
  void endEventRequiredFlagsAProcessWithoutEndEvent() {
    String body = startTaskEnd().replace("<bpmn:endEvent id=\"DoneEndEvent\" name=\"Done\" />",
        "<bpmn:intermediateThrowEvent id=\"DoneEndEvent\" name=\"Done\" />");
    assertThat(offenders(new EndEventRequired(), process(body))).containsExactly("lint-sample");
  }

  @Test
  void startEventRequiredFlagsASubProcessWithoutStartEvent() {
    String body = startTaskEnd().replace(flow("WorkToDoneFlow", "WorkTask", "DoneEndEvent"), "")
        + "<bpmn:subProcess id=\"InnerSubProcess\" name=\"Inner\"><bpmn:endEvent id=\"InnerDoneEndEvent\" name=\"Inner done\" /></bpmn:subProcess>"
        + flow("WorkToInnerFlow", "WorkTask", "InnerSubProcess") + flow("InnerToDoneFlow", "InnerSubProcess", "DoneEndEvent");
    assertThat(offenders(new StartEventRequired(), process(body))).containsExactly("InnerSubProcess");
  }

  @Test
  void fakeJoinFlagsATaskThatTwoFlowsEnter() {
    String body = startTaskEnd() + flow("StartedToWorkAgainFlow", "StartedStartEvent", "WorkTask");
    assertThat(offenders(new FakeJoin(), process(body))).containsExactly("WorkTask");
  }

  @Test
  void labelRequiredFlagsAnUnnamedTaskButNotAJoiningGateway() {
    String body = startTaskEnd().replace("name=\"Work\"", "")
        + "<bpmn:exclusiveGateway id=\"MergeGateway\" />";
    assertThat(offenders(new LabelRequired(), process(body))).containsExactly("WorkTask");
  }

  @Test
  void noBpmnDiFlagsElementsWithoutShapeOrEdge() {
    String diagram = shape("StartedStartEvent", 0, 0, 36, 36) + shape("WorkTask", 100, 0, 100, 80)
        + edge("StartedToWorkFlow") + edge("WorkToDoneFlow");
    assertThat(offenders(new NoBpmnDi(), process(startTaskEnd(), diagram))).containsExactly("DoneEndEvent");
  }

  @Test
  void noComplexGatewayFlagsAComplexGateway() {
    String body = startTaskEnd().replace(flow("WorkToDoneFlow", "WorkTask", "DoneEndEvent"), "")
        + "<bpmn:complexGateway id=\"ComplexGateway\" name=\"Complex\" />"
        + flow("WorkToComplexFlow", "WorkTask", "ComplexGateway") + flow("ComplexToDoneFlow", "ComplexGateway", "DoneEndEvent");
    assertThat(offenders(new NoComplexGateway(), process(body))).containsExactly("ComplexGateway");
  }

  @Test
  void noDisconnectedFlagsATaskWithoutAnyFlow() {
    String body = startTaskEnd() + "<bpmn:serviceTask id=\"LonelyTask\" name=\"Lonely\" />";
    assertThat(offenders(new NoDisconnected(), process(body))).containsExactly("LonelyTask");
  }

  @Test
  void noDuplicateSequenceFlowsFlagsTheSecondOfTwoIdenticalFlows() {
    String body = startTaskEnd() + flow("WorkToDoneAgainFlow", "WorkTask", "DoneEndEvent");
    assertThat(offenders(new NoDuplicateSequenceFlows(), process(body))).containsExactly("WorkToDoneAgainFlow");
  }

  @Test
  void noGatewayJoinForkFlagsAGatewayThatDoesBoth() {
    String body = """
        <bpmn:startEvent id="StartedStartEvent" name="Started" />
        <bpmn:serviceTask id="FirstTask" name="First" />
        <bpmn:parallelGateway id="BothGateway" />
        <bpmn:endEvent id="DoneEndEvent" name="Done" />
        <bpmn:endEvent id="AlsoDoneEndEvent" name="Also done" />
        """ + flow("StartedToFirstFlow", "StartedStartEvent", "FirstTask") + flow("StartedToBothFlow", "StartedStartEvent", "BothGateway")
        + flow("FirstToBothFlow", "FirstTask", "BothGateway") + flow("BothToDoneFlow", "BothGateway", "DoneEndEvent")
        + flow("BothToAlsoDoneFlow", "BothGateway", "AlsoDoneEndEvent");
    assertThat(offenders(new NoGatewayJoinFork(), process(body))).containsExactly("BothGateway");
  }

  @Test
  void noInclusiveGatewayFlagsAnInclusiveGateway() {
    String body = startTaskEnd().replace(flow("WorkToDoneFlow", "WorkTask", "DoneEndEvent"), "")
        + "<bpmn:inclusiveGateway id=\"SomeGateway\" name=\"Some\" />"
        + flow("WorkToSomeFlow", "WorkTask", "SomeGateway") + flow("SomeToDoneFlow", "SomeGateway", "DoneEndEvent");
    assertThat(offenders(new NoInclusiveGateway(), process(body))).containsExactly("SomeGateway");
  }

  @Test
  void singleBlankStartEventFlagsAProcessWithTwo() {
    String body = startTaskEnd() + "<bpmn:startEvent id=\"AlsoStartedStartEvent\" name=\"Also started\" />"
        + flow("AlsoStartedToWorkFlow", "AlsoStartedStartEvent", "WorkTask");
    assertThat(offenders(new SingleBlankStartEvent(), process(body))).containsExactly("lint-sample");
  }

  @Test
  void singleEventDefinitionFlagsAnEventWithTwo() {
    String body = startTaskEnd().replace("<bpmn:endEvent id=\"DoneEndEvent\" name=\"Done\" />",
        "<bpmn:endEvent id=\"DoneEndEvent\" name=\"Done\"><bpmn:terminateEventDefinition id=\"DoneTerminate\" />"
            + "<bpmn:errorEventDefinition id=\"DoneError\" /></bpmn:endEvent>");
    assertThat(offenders(new SingleEventDefinition(), process(body))).containsExactly("DoneEndEvent");
  }

  @Test
  void subProcessBlankStartEventFlagsATypedStartInAnEmbeddedSubProcess() {
    String body = startTaskEnd().replace(flow("WorkToDoneFlow", "WorkTask", "DoneEndEvent"), "")
        + """
        <bpmn:subProcess id="InnerSubProcess" name="Inner">
          <bpmn:startEvent id="InnerStartEvent" name="Inner started"><bpmn:messageEventDefinition id="InnerMessage" /></bpmn:startEvent>
          <bpmn:endEvent id="InnerDoneEndEvent" name="Inner done" />
        """ + flow("InnerStartToInnerDoneFlow", "InnerStartEvent", "InnerDoneEndEvent") + "</bpmn:subProcess>"
        + flow("WorkToInnerFlow", "WorkTask", "InnerSubProcess") + flow("InnerToDoneFlow", "InnerSubProcess", "DoneEndEvent");
    assertThat(offenders(new SubProcessBlankStartEvent(), process(body))).containsExactly("InnerStartEvent");
  }

  @Test
  void eventSubProcessTypedStartEventFlagsABlankStartInAnEventSubProcess() {
    String body = startTaskEnd() + """
        <bpmn:subProcess id="OnTheSideEventSubProcess" name="On the side" triggeredByEvent="true">
          <bpmn:startEvent id="OnTheSideStartEvent" name="On the side started" />
          <bpmn:endEvent id="OnTheSideEndEvent" name="On the side done" />
        """ + flow("OnTheSideStartToEndFlow", "OnTheSideStartEvent", "OnTheSideEndEvent") + "</bpmn:subProcess>";
    assertThat(offenders(new EventSubProcessTypedStartEvent(), process(body))).containsExactly("OnTheSideStartEvent");
  }

  @Test
  void superfluousGatewayFlagsAGatewayWithOneWayInAndOut() {
    String body = startTaskEnd().replace(flow("WorkToDoneFlow", "WorkTask", "DoneEndEvent"), "")
        + "<bpmn:exclusiveGateway id=\"PointlessGateway\" />"
        + flow("WorkToPointlessFlow", "WorkTask", "PointlessGateway") + flow("PointlessToDoneFlow", "PointlessGateway", "DoneEndEvent");
    assertThat(offenders(new SuperfluousGateway(), process(body))).containsExactly("PointlessGateway");
  }

  @Test
  void superfluousTerminationFlagsATerminateEndThatIsTheOnlyEnd() {
    String body = startTaskEnd().replace("<bpmn:endEvent id=\"DoneEndEvent\" name=\"Done\" />",
        "<bpmn:endEvent id=\"DoneEndEvent\" name=\"Done\"><bpmn:terminateEventDefinition id=\"DoneTerminate\" /></bpmn:endEvent>");
    assertThat(offenders(new SuperfluousTermination(), process(body))).containsExactly("DoneEndEvent");
    String withSecondEnd = body + "<bpmn:endEvent id=\"OtherEndEvent\" name=\"Other\" />";
    assertThat(offenders(new SuperfluousTermination(), process(withSecondEnd))).isEmpty();
  }

  @Test
  void linkEventFlagsAThrowWithoutMatchingCatchAndADuplicateCatch() {
    String body = startTaskEnd().replace(flow("WorkToDoneFlow", "WorkTask", "DoneEndEvent"), "") + """
        <bpmn:intermediateThrowEvent id="GoOnThrowEvent" name="Go on"><bpmn:linkEventDefinition id="GoOnLink" name="go-on" /></bpmn:intermediateThrowEvent>
        <bpmn:intermediateCatchEvent id="GoneOnCatchEvent" name="Gone on"><bpmn:linkEventDefinition id="GoneOnLink" name="gone-on" /></bpmn:intermediateCatchEvent>
        <bpmn:intermediateCatchEvent id="GoneOnAgainCatchEvent" name="Gone on again"><bpmn:linkEventDefinition id="GoneOnAgainLink" name="gone-on" /></bpmn:intermediateCatchEvent>
        """ + flow("WorkToGoOnFlow", "WorkTask", "GoOnThrowEvent") + flow("GoneOnToDoneFlow", "GoneOnCatchEvent", "DoneEndEvent")
        + flow("GoneOnAgainToDoneFlow", "GoneOnAgainCatchEvent", "DoneEndEvent");
    assertThat(offenders(new LinkEvent(), process(body))).containsExactlyInAnyOrder("GoneOnAgainCatchEvent", "GoOnThrowEvent");
  }

  @Test
  void noOverlappingElementsFlagsOverlappingSiblingsAndAChildOutsideItsSubProcess() {
    String body = startTaskEnd().replace(flow("WorkToDoneFlow", "WorkTask", "DoneEndEvent"), "") + """
        <bpmn:subProcess id="InnerSubProcess" name="Inner">
          <bpmn:startEvent id="InnerStartEvent" name="Inner started" />
          <bpmn:endEvent id="InnerDoneEndEvent" name="Inner done" />
        """ + flow("InnerStartToInnerDoneFlow", "InnerStartEvent", "InnerDoneEndEvent") + "</bpmn:subProcess>"
        + flow("WorkToInnerFlow", "WorkTask", "InnerSubProcess") + flow("InnerToDoneFlow", "InnerSubProcess", "DoneEndEvent");
    String diagram = shape("StartedStartEvent", 0, 20, 36, 36) + shape("WorkTask", 20, 0, 100, 80)
        + shape("InnerSubProcess", 200, 0, 300, 200) + shape("InnerStartEvent", 220, 50, 36, 36) + shape("InnerDoneEndEvent", 480, 50, 36, 36)
        + shape("DoneEndEvent", 600, 20, 36, 36);
    assertThat(new NoOverlappingElements().check(process(body, diagram))).extracting(Finding::toString).containsExactlyInAnyOrder(
        "no-overlapping-elements: WorkTask: overlaps StartedStartEvent in the diagram",
        "no-overlapping-elements: InnerDoneEndEvent: sticks out of its sub-process InnerSubProcess in the diagram");
  }

  @Test
  void elementTypeFlagsAComplexGatewayAndAConditionalEvent() {
    String body = startTaskEnd().replace(flow("WorkToDoneFlow", "WorkTask", "DoneEndEvent"), "") + """
        <bpmn:complexGateway id="ComplexGateway" name="Complex" />
        <bpmn:intermediateCatchEvent id="WhenCatchEvent" name="When"><bpmn:conditionalEventDefinition id="WhenCondition"><bpmn:condition xsi:type="bpmn:tFormalExpression">=x</bpmn:condition></bpmn:conditionalEventDefinition></bpmn:intermediateCatchEvent>
        """ + flow("WorkToComplexFlow", "WorkTask", "ComplexGateway") + flow("ComplexToWhenFlow", "ComplexGateway", "WhenCatchEvent")
        + flow("WhenToDoneFlow", "WhenCatchEvent", "DoneEndEvent");
    assertThat(new SupportedElementTypes().check(process(body))).extracting(Finding::toString).containsExactlyInAnyOrder(
        "camunda-compat/element-type: ComplexGateway: is a complexGateway, which Camunda 8.8 does not execute",
        "camunda-compat/element-type: WhenCatchEvent: has a conditionalEventDefinition, which Camunda 8.8 does not execute");
  }

  @Test
  void taskDefinitionFlagsAServiceTaskWithoutJobType() {
    String body = startTaskEnd().replace("<bpmn:extensionElements><zeebe:taskDefinition type=\"work\" /></bpmn:extensionElements>", "");
    assertThat(offenders(new JobTypeRequired(), process(body))).containsExactly("WorkTask");
    assertThat(offenders(new JobTypeRequired(), process(startTaskEnd()))).isEmpty();
  }

  @Test
  void timerFlagsUnparseableLiteralsAndACycleOnAnIntermediateEvent() {
    String body = startTaskEnd().replace(flow("WorkToDoneFlow", "WorkTask", "DoneEndEvent"), "") + """
        <bpmn:intermediateCatchEvent id="BadDateTimerEvent" name="Bad date"><bpmn:timerEventDefinition id="BadDate"><bpmn:timeDate xsi:type="bpmn:tFormalExpression">next tuesday</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        <bpmn:intermediateCatchEvent id="CycleTimerEvent" name="Cycle"><bpmn:timerEventDefinition id="Cycle"><bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R3/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        <bpmn:intermediateCatchEvent id="GoodTimerEvent" name="Good"><bpmn:timerEventDefinition id="Good"><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P1DT2H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        <bpmn:intermediateCatchEvent id="FeelTimerEvent" name="Feel"><bpmn:timerEventDefinition id="Feel"><bpmn:timeDate xsi:type="bpmn:tFormalExpression">=dueAt</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        """ + flow("WorkToBadDateFlow", "WorkTask", "BadDateTimerEvent") + flow("BadDateToCycleFlow", "BadDateTimerEvent", "CycleTimerEvent")
        + flow("CycleToGoodFlow", "CycleTimerEvent", "GoodTimerEvent") + flow("GoodToFeelFlow", "GoodTimerEvent", "FeelTimerEvent")
        + flow("FeelToDoneFlow", "FeelTimerEvent", "DoneEndEvent");
    assertThat(new TimerExpressions().check(process(body))).extracting(Finding::toString).containsExactlyInAnyOrder(
        "camunda-compat/timer: BadDateTimerEvent: timer value 'next tuesday' is not a valid ISO 8601 date-time",
        "camunda-compat/timer: CycleTimerEvent: a cycle timer is only allowed on start events and non-interrupting boundary events");
  }

  @Test
  void timerLiteralsParseAsZeebeReadsThem() {
    assertThat(TimerExpressions.isDate("2026-12-24T10:00:00Z")).isTrue();
    assertThat(TimerExpressions.isDate("2026-12-24T10:00:00+01:00[Europe/Berlin]")).isTrue();
    assertThat(TimerExpressions.isDate("2026-12-24")).isFalse();
    assertThat(TimerExpressions.isDuration("P3M")).isTrue();
    assertThat(TimerExpressions.isDuration("PT15M")).isTrue();
    assertThat(TimerExpressions.isDuration("15 minutes")).isFalse();
    assertThat(TimerExpressions.isCycle("R/2026-01-01T00:00:00Z/P1D")).isTrue();
    assertThat(TimerExpressions.isCycle("0 0 9-17 * * MON-FRI")).isTrue();
    assertThat(TimerExpressions.isCycle("every day")).isFalse();
  }
}
