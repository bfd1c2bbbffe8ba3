package dev.escalation.app.processmap;

import dev.escalation.processes.TicketEscalation;
import dev.escalation.processes.TicketEscalation.Elements;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

/**
 * A ticket's process map: the ticket-escalation model this app deploys (the same classpath file
 * the deployment reads), the elements the ticket passed and the ones it waits in now, all from the
 * app's ledger, so it works wherever the app runs, embedded mode included.
 */
@Service
class ProcessMap {
  static final String RESOURCE = "processes/" + TicketEscalation.PROCESS_ID + ".bpmn";

  record View(String processId, Long processDefinitionKey, Long processInstanceKey, String bpmnXml, List<String> passed,
      List<String> waiting) {}

  private final ProcessMapQueries queries;
  private final String xml;
  private final ProcessPath path;

  ProcessMap(ProcessMapQueries queries) {
    this.queries = queries;
    this.xml = read(RESOURCE);
    BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    this.path = new ProcessPath(model);
  }

  Optional<View> of(long ticketId) {
    return queries.ticket(ticketId).map(ticket -> {
      ProcessMapQueries.JobElements jobs = queries.jobElements(ticketId, TicketEscalation.PROCESS_ID);
      List<String> waiting = waitingIn(ticket);
      List<String> reached = Stream.concat(Stream.of(Elements.TICKET_OPENED), Stream.concat(jobs.elementIds().stream(), waiting.stream()))
          .toList();
      Set<String> passed = path.passed(reached);
      waiting.forEach(passed::remove);
      return new View(TicketEscalation.PROCESS_ID, jobs.processDefinitionKey(), ticket.processInstanceKey(), xml,
          List.copyOf(passed), waiting);
    });
  }

  /**
   * Where the process waits, read from what its jobs wrote: the ticket's status and response clock
   * (the clocks are started by a job once the owner is assigned) and an open dev task. Nothing while
   * the process is still between jobs (no clock yet) or after closing.
   */
  static List<String> waitingIn(ProcessMapQueries.TicketState ticket) {
    List<String> waiting = new ArrayList<>();
    switch (ticket.status()) {
      case "OPEN" -> {
        if ("RUNNING".equals(ticket.responseClock())) {
          waiting.add(Elements.AWAIT_FIRST_RESPONSE);
        } else if (!"NOT_STARTED".equals(ticket.responseClock())) {
          waiting.add(Elements.AWAIT_OWNER_ACTION);
        }
      }
      case "WAITING_ON_CUSTOMER" -> waiting.add(Elements.AWAIT_CUSTOMER_REPLY);
      case "RESOLVED" -> waiting.add(Elements.AWAIT_REOPEN);
      default -> { }
    }
    if (ticket.devTaskOpen() && !"CLOSED".equals(ticket.status())) {
      waiting.add(Elements.AWAIT_DEV_TASK_CLOSED);
    }
    return waiting;
  }

  private static String read(String resource) {
    try (InputStream in = new ClassPathResource(resource).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("the process model " + resource + " is not on the classpath", e);
    }
  }
}
