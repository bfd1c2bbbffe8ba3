package dev.escalation.workers.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A minimal SMTP server for failure tests: it answers RCPT TO for the given addresses with the
 * given reply (for example "550 5.1.1 ... User unknown") and accepts everything else, keeping the
 * accepted envelope recipients. GreenMail accepts every recipient, so it cannot play this part.
 * One connection at a time; no TLS, no AUTH.
 */
public final class RejectingSmtpServer implements AutoCloseable {
  private final ServerSocket socket;
  private final Set<String> rejected;
  private final String reply;
  private final List<String> accepted = new CopyOnWriteArrayList<>();
  private final Thread thread;

  public RejectingSmtpServer(Set<String> rejectedAddresses, String reply) throws IOException {
    this.rejected = rejectedAddresses.stream().map(a -> a.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    this.reply = reply;
    this.socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    this.thread = new Thread(this::serve, "rejecting-smtp-" + socket.getLocalPort());
    thread.setDaemon(true);
    thread.start();
  }

  public String host() {
    return socket.getInetAddress().getHostAddress();
  }

  public int port() {
    return socket.getLocalPort();
  }

  /** The envelope recipients of the mails this server accepted (DATA completed). */
  public List<String> accepted() {
    return List.copyOf(accepted);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket client = socket.accept()) {
        client.setSoTimeout(10_000);
        converse(client);
      } catch (SocketException closed) {
        return;
      } catch (IOException e) {
        // a broken conversation; wait for the next client
      }
    }
  }

  private void converse(Socket client) throws IOException {
    var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
    Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII);
    send(out, "220 rejecting-smtp ready");
    List<String> recipients = new ArrayList<>();
    String line;
    while ((line = in.readLine()) != null) {
      String command = line.toUpperCase(Locale.ROOT);
      if (command.startsWith("EHLO") || command.startsWith("HELO")) {
        send(out, "250 rejecting-smtp");
      } else if (command.startsWith("MAIL FROM")) {
        recipients.clear();
        send(out, "250 2.1.0 OK");
      } else if (command.startsWith("RCPT TO")) {
        String address = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>')).toLowerCase(Locale.ROOT);
        if (rejected.contains(address)) {
          send(out, reply);
        } else {
          recipients.add(address);
          send(out, "250 2.1.5 OK");
        }
      } else if (command.equals("DATA")) {
        if (recipients.isEmpty()) {
          send(out, "554 5.5.1 no valid recipients");
          continue;
        }
        send(out, "354 end data with <CR><LF>.<CR><LF>");
        while ((line = in.readLine()) != null && !line.equals(".")) {
          // the message itself is not kept
        }
        accepted.addAll(recipients);
        send(out, "250 2.0.0 queued");
      } else if (command.equals("RSET")) {
        recipients.clear();
        send(out, "250 2.0.0 OK");
      } else if (command.equals("NOOP")) {
        send(out, "250 2.0.0 OK");
      } else if (command.equals("QUIT")) {
        send(out, "221 2.0.0 bye");
        return;
      } else {
        send(out, "502 5.5.2 command not implemented");
      }
    }
  }

  private static void send(Writer out, String reply) throws IOException {
    out.write(reply + "\r\n");
    out.flush();
  }
}
