package dev.escalation.processes.modelcheck.lint;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/** Small inline models for the rule tests: the body of one process, optionally with its diagram. */
final class LintModels {
  private LintModels() {}

  static BpmnModelInstance process(String body) {
    return process(body, "");
  }

  static BpmnModelInstance process(String body, String diagram) {
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
            xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="LintSampleDefinitions" targetNamespace="http://escalation.dev/test">
          <bpmn:process id="lint-sample" isExecutable="true">
          %s
          </bpmn:process>
          <bpmndi:BPMNDiagram id="LintSampleDiagram">
            <bpmndi:BPMNPlane id="LintSamplePlane" bpmnElement="lint-sample">
            %s
            </bpmndi:BPMNPlane>
          </bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """.formatted(body, diagram);
    return Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  static String flow(String id, String source, String target) {
    return "<bpmn:sequenceFlow id=\"" + id + "\" sourceRef=\"" + source + "\" targetRef=\"" + target + "\" />";
  }

  static String conditionalFlow(String id, String source, String target, String condition) {
    return "<bpmn:sequenceFlow id=\"" + id + "\" sourceRef=\"" + source + "\" targetRef=\"" + target + "\">"
        + "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">" + condition + "</bpmn:conditionExpression>"
        + "</bpmn:sequenceFlow>";
  }

  static String shape(String element, int x, int y, int width, int height) {
    return "<bpmndi:BPMNShape id=\"" + element + "Shape\" bpmnElement=\"" + element + "\">"
        + "<dc:Bounds x=\"" + x + "\" y=\"" + y + "\" width=\"" + width + "\" height=\"" + height + "\" /></bpmndi:BPMNShape>";
  }

  static String edge(String flow) {
    return "<bpmndi:BPMNEdge id=\"" + flow + "Edge\" bpmnElement=\"" + flow + "\">"
        + "<di:waypoint x=\"0\" y=\"0\" /><di:waypoint x=\"10\" y=\"0\" /></bpmndi:BPMNEdge>";
  }

  /** Start, one service task, end: what most tests add their one violation to. */
  static String startTaskEnd() {
    return """
        <bpmn:startEvent id="StartedStartEvent" name="Started" />
        <bpmn:serviceTask id="WorkTask" name="Work">
          <bpmn:extensionElements><zeebe:taskDefinition type="work" /></bpmn:extensionElements>
        </bpmn:serviceTask>
        <bpmn:endEvent id="DoneEndEvent" name="Done" />
        """ + flow("StartedToWorkFlow", "StartedStartEvent", "WorkTask") + flow("WorkToDoneFlow", "WorkTask", "DoneEndEvent");
  }
}
