package dev.escalation.app.events;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** W4: {@code GET /api/events}, a text/event-stream of the changes of the tickets the caller may see. */
@RestController
class EventsController {
  private final EventStreams streams;

  EventsController(EventStreams streams) {
    this.streams = streams;
  }

  @GetMapping(path = "/api/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter events(Authentication caller) {
    return streams.open(caller);
  }
}
