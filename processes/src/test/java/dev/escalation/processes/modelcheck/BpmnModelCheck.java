package dev.escalation.processes.modelcheck;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.BusinessRuleTask;
import io.camunda.zeebe.model.bpmn.instance.Event;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.InclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.ReceiveTask;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.Task;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Gateway;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import java.util.stream.Stream;

/**
 * Walks a BPMN model and lists what a process designer must fix: generated ids, unnamed elements,
 * missing diagram shapes, timers with literal dates, user tasks without candidate groups, business
 * rule tasks calling a decision no DMN file defines, and job types that no worker handles. Each
 * violation names the element id.
 */
public final class BpmnModelCheck {
  /** Ids that Camunda Modeler or other tools generate: Activity_0abc, Flow_1x2y, sid-..., etc. */
  private static final Pattern GENERATED_ID =
      Pattern.compile("^(Activity|Event|Gateway|Flow|StartEvent|EndEvent|Task|SubProcess|DataObject|Participant|Lane)_[0-9a-z]{5,}$"
          + "|^sid-.*|^id_.*|^[A-Za-z]+_[0-9]+$|.*[0-9a-f]{8}-[0-9a-f]{4}.*");
  private static final Pattern READABLE_ID = Pattern.compile("^[A-Z][A-Za-z0-9]*$");
  private static final Pattern VARIABLE_REFERENCE = Pattern.compile("^=\\s*[a-z][A-Za-z0-9_.]*\\s*$");

  private BpmnModelCheck() {}

  public static List<Path> modelsIn(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static BpmnModelInstance read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return Bpmn.readModelFromStream(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** All job types the model's service tasks use. */
  public static Set<String> jobTypes(BpmnModelInstance model) {
    Set<String> types = new TreeSet<>();
    for (ZeebeTaskDefinition definition : model.getModelElementsByType(ZeebeTaskDefinition.class)) {
      types.add(definition.getType());
    }
    return types;
  }

  /** Structural violations; {@code knownJobTypes} null skips the job-type check. */
  public static List<String> violations(BpmnModelInstance model, Set<String> knownJobTypes) {
    List<String> violations = new ArrayList<>();
    Bpmn.validateModel(model);
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (!process.getId().matches("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")) {
        violations.add(process.getId() + ": process ids are kebab-case");
      }
    }
    Set<String> shapes = new TreeSet<>();
    model.getModelElementsByType(BpmnShape.class).forEach(s -> shapes.add(s.getBpmnElement().getId()));
    model.getModelElementsByType(BpmnEdge.class).forEach(e -> shapes.add(e.getBpmnElement().getId()));

    Collection<FlowElement> elements = model.getModelElementsByType(FlowElement.class);
    for (FlowElement element : elements) {
      String id = element.getId();
      checkId(element, violations);
      if (!shapes.contains(id)) {
        violations.add(id + ": has no diagram shape, Modeler will not show it");
      }
      if (element instanceof FlowNode node && needsName(node) && (blank(node.getName()) || id.equals(node.getName()))) {
        violations.add(id + ": has no name");
      }
      if (element instanceof SequenceFlow flow
          && (flow.getSource() instanceof ExclusiveGateway || flow.getSource() instanceof InclusiveGateway)
          && flow.getSource().getOutgoing().size() > 1
          && blank(flow.getName())) {
        violations.add(id + ": a flow leaving a decision needs a name (the answer it stands for)");
      }
      if (element instanceof UserTask task) {
        ZeebeAssignmentDefinition assignment = task.getSingleExtensionElement(ZeebeAssignmentDefinition.class);
        if (assignment == null || blank(assignment.getCandidateGroups())) {
          violations.add(id + ": user task without candidate groups");
        }
      }
    }
    for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
      String owner = ((BaseElement) timer.getParentElement()).getId();
      String expression =
          timer.getTimeDate() != null
              ? timer.getTimeDate().getTextContent()
              : timer.getTimeDuration() != null
                  ? timer.getTimeDuration().getTextContent()
                  : timer.getTimeCycle() != null ? timer.getTimeCycle().getTextContent() : "";
      if (!VARIABLE_REFERENCE.matcher(expression.trim()).matches()) {
        violations.add(owner + ": timer '" + expression + "' is a literal; read the date from a variable computed by a worker (=someDueAt)");
      }
    }
    if (knownJobTypes != null) {
      for (ZeebeTaskDefinition definition : model.getModelElementsByType(ZeebeTaskDefinition.class)) {
        if (!knownJobTypes.contains(definition.getType())) {
          String owner = ((BaseElement) definition.getParentElement().getParentElement()).getId();
          violations.add(owner + ": job type '" + definition.getType() + "' has no worker");
        }
      }
    }
    return violations;
  }

  /** Decision ids of the DMN files in a folder (the decisions deployed with the models). */
  public static Set<String> decisionIdsIn(Path folder) {
    Set<String> ids = new TreeSet<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".dmn")).toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          ids.addAll(decisionIds(in));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ids;
  }

  /** The ids of the {@code <decision>} elements of a DMN file. */
  public static Set<String> decisionIds(InputStream dmn) throws IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      NodeList decisions = factory.newDocumentBuilder().parse(dmn).getElementsByTagNameNS("*", "decision");
      Set<String> ids = new TreeSet<>();
      for (int i = 0; i < decisions.getLength(); i++) {
        ids.add(((Element) decisions.item(i)).getAttribute("id"));
      }
      return ids;
    } catch (ParserConfigurationException | SAXException e) {
      throw new IOException("not a readable DMN file: " + e.getMessage(), e);
    }
  }

  /** Business rule tasks that call a decision no deployed DMN file defines, each naming the task. */
  public static List<String> unknownDecisions(BpmnModelInstance model, Set<String> knownDecisionIds) {
    List<String> violations = new ArrayList<>();
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      ZeebeCalledDecision called = task.getSingleExtensionElement(ZeebeCalledDecision.class);
      if (called == null || blank(called.getDecisionId())) {
        violations.add(task.getId() + ": business rule task without a called decision");
      } else if (!knownDecisionIds.contains(called.getDecisionId())) {
        violations.add(task.getId() + ": decision '" + called.getDecisionId() + "' is not defined in any DMN file"
            + " (known: " + knownDecisionIds + ")");
      }
    }
    return violations;
  }

  private static void checkId(BaseElement element, List<String> violations) {
    String id = element.getId();
    if (GENERATED_ID.matcher(id).matches()) {
      violations.add(id + ": generated id, give it a readable PascalCase id");
    } else if (!READABLE_ID.matcher(id).matches()) {
      violations.add(id + ": ids are PascalCase with a type suffix");
    } else if (!id.endsWith(expectedSuffix(element))) {
      violations.add(id + ": id should end with '" + expectedSuffix(element) + "'");
    }
  }

  private static String expectedSuffix(BaseElement element) {
    if (element instanceof SequenceFlow) {
      return "Flow";
    } else if (element instanceof ReceiveTask) {
      return "ReceiveTask";
    } else if (element instanceof Task) {
      return "Task";
    } else if (element instanceof SubProcess) {
      return "SubProcess";
    } else if (element instanceof Gateway) {
      return "Gateway";
    } else if (element instanceof Event) {
      return "Event";
    }
    return "";
  }

  /** Converging gateways (one way out) carry no name by BPMN convention; everything else does. */
  private static boolean needsName(FlowNode node) {
    if (node instanceof Gateway gateway) {
      return gateway.getOutgoing().size() > 1;
    }
    return true;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
