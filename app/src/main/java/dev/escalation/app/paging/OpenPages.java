package dev.escalation.app.paging;

import dev.escalation.workers.paging.Pages;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** N2: the pages still waiting for an acknowledgement (the manager's inbox lists them), oldest first. */
@Component
class OpenPages {
  private static final int MOST = 200;

  private final JdbcClient jdbc;
  private final Pages pages;

  OpenPages(JdbcClient jdbc, Pages pages) {
    this.jdbc = jdbc;
    this.pages = pages;
  }

  List<PageView> list() {
    return jdbc.sql("SELECT id FROM page WHERE state = 'TRIGGERED' ORDER BY created_at, id LIMIT " + MOST)
        .query(Long.class).list().stream()
        .map(pages::page).flatMap(Optional::stream).map(PageView::of).toList();
  }
}
