package dev.escalation.app.embedded;

import dev.escalation.workers.testsupport.EmbeddedMailServer;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.web.bind.annotation.RestController;

/** Embedded mode only: the mails the local SMTP server received. */
@RestController
@TestComponent // imported by EmbeddedRuntimeConfiguration only, never picked up by a component scan
class DevMailboxController {

  @GetMapping("/api/dev/mailbox")
  List<EmbeddedMailServer.ReceivedMail> mailbox() {
    return EmbeddedRuntime.mail().received();
  }
}
