package dev.escalation.app.paging;

import dev.escalation.app.process.ProcessGateway;
import dev.escalation.processes.ManagerPaging.Messages;
import dev.escalation.workers.paging.Pages;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An acknowledgement is recorded and told to the page's manager-paging instance in one step (rolled back if the engine refuses). */
@Service
class PageAcks {
  private final Pages pages;
  private final ProcessGateway process;

  PageAcks(Pages pages, ProcessGateway process) {
    this.pages = pages;
    this.process = process;
  }

  @Transactional
  Pages.Acknowledgement acknowledge(long pageId, String by) {
    Pages.Acknowledgement result = pages.acknowledge(pageId, by);
    if (result == Pages.Acknowledgement.ACKNOWLEDGED) {
      process.publishOnce(Messages.PAGE_ACKNOWLEDGED, Long.toString(pageId), "page-acknowledged:" + pageId, Duration.ofHours(1), Map.of());
    }
    return result;
  }
}
