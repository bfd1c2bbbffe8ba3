package dev.escalation.app.approval;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A3 for reporting: the answers of post-resolution reviews over a window (default: the last 30 days), for supervisors. */
@RestController
class ReviewController {
  private static final Duration DEFAULT_WINDOW = Duration.ofDays(30);

  private final ReviewQueries reviews;
  private final Clock clock;

  ReviewController(ReviewQueries reviews, Clock clock) {
    this.reviews = reviews;
    this.clock = clock;
  }

  @GetMapping("/api/reviews")
  ReviewQueries.Reviews reviews(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
    Instant end = to == null ? clock.instant() : to;
    Instant start = from == null ? end.minus(DEFAULT_WINDOW) : from;
    return reviews.requestedBetween(start, end);
  }
}
