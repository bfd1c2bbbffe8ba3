package dev.escalation.app.processmap;

import dev.escalation.app.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/tickets/{id}/process}: the ticket's process map (read like the rest of the ticket: staff and admins). */
@RestController
class ProcessMapController {
  private final ProcessMap map;

  ProcessMapController(ProcessMap map) {
    this.map = map;
  }

  @GetMapping("/api/tickets/{id}/process")
  ResponseEntity<?> process(@PathVariable long id) {
    return map.of(id).<ResponseEntity<?>>map(ResponseEntity::ok)
        .orElseGet(() -> Problems.response(HttpStatus.NOT_FOUND, "Unknown ticket", "ticket " + id + " does not exist"));
  }
}
