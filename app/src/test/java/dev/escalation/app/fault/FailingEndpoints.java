package dev.escalation.app.fault;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only endpoints that fail the way no handler expects: a bug (an exception whose message holds
 * SQL) and the database refusing a value (a date past what DATETIME holds, as a clock moved too far
 * once produced). Under {@code /api/tickets/{id}/...} so that the URL rules let head1 through.
 */
@RestController
@TestComponent
class FailingEndpoints {
  static final String BUG_MESSAGE = "SELECT password_hash FROM app_user WHERE username = 'head1'";

  private final JdbcClient jdbc;

  FailingEndpoints(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @GetMapping("/api/tickets/{id}/explode")
  String bug(@PathVariable long id) {
    throw new IllegalStateException(BUG_MESSAGE, new java.sql.SQLException("Incorrect datetime value for ticket " + id));
  }

  @PostMapping("/api/tickets/{id}/explode")
  void refusedByTheDatabase(@PathVariable long id) {
    jdbc.sql("UPDATE ticket SET opened_at = '10000-01-01 00:00:00' WHERE id = ?").param(id).update();
  }
}
