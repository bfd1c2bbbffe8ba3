package dev.escalation.app.email;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * C1: the support mailbox customers write to ({@code escalation.mailbox.*}), read over IMAP.
 *
 * @param enabled whether the app reads the mailbox (default false)
 * @param protocol {@code imap} or {@code imaps} (TLS)
 * @param host the IMAP server
 * @param port its port (default 993 for imaps, 143 for imap)
 * @param username the mailbox login
 * @param password its password (from the environment, never the repository)
 * @param folder the folder new mail arrives in (default INBOX)
 * @param pollInterval how often the mailbox is read (default 30 s)
 * @param timeout connect and read timeout
 */
@ConfigurationProperties("escalation.mailbox")
public record MailboxProperties(
    boolean enabled, String protocol, String host, Integer port, String username, String password, String folder,
    Duration pollInterval, Duration timeout) {

  public MailboxProperties {
    protocol = protocol == null || protocol.isBlank() ? "imap" : protocol.strip();
    if (!protocol.equals("imap") && !protocol.equals("imaps")) {
      throw new IllegalArgumentException("escalation.mailbox.protocol must be imap or imaps: " + protocol);
    }
    port = port == null ? (protocol.equals("imaps") ? 993 : 143) : port;
    folder = folder == null || folder.isBlank() ? "INBOX" : folder.strip();
    pollInterval = pollInterval == null ? Duration.ofSeconds(30) : pollInterval;
    timeout = timeout == null ? Duration.ofSeconds(20) : timeout;
    if (enabled && (host == null || host.isBlank() || username == null || username.isBlank())) {
      throw new IllegalArgumentException("escalation.mailbox.enabled=true needs escalation.mailbox.host and escalation.mailbox.username");
    }
  }
}
