package dev.escalation.app.embedded;

import dev.escalation.workers.testsupport.EmbeddedMailServer;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Embedded mode only: the mails the local SMTP server received. */
@RestController
class DevMailboxController {

  @GetMapping("/api/dev/mailbox")
  List<EmbeddedMailServer.ReceivedMail> mailbox() {
    return EmbeddedRuntime.mail().received();
  }
}
