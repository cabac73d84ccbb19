package org.jointappeal.localstack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * A real SMTP server (GreenMail) on 127.0.0.1 that accepts every message and keeps it in memory:
 * notification-service's mail goes here in the local stack and in tests, never to the world. Each
 * recipient gets a mailbox readable over POP3 (login and password = the address).
 */
public final class MailServer implements AutoCloseable {

  /** One received message, reduced to what tests and people look at. */
  public record ReceivedMail(String from, String to, String subject, String body) {}

  private final GreenMail greenMail;
  private final int port;
  private final int pop3Port;

  private MailServer(GreenMail greenMail, int port, int pop3Port) {
    this.greenMail = greenMail;
    this.port = port;
    this.pop3Port = pop3Port;
  }

  /** Starts SMTP and POP3 on the ports, or on free ones for 0. */
  public static MailServer start(int portOrZero, int pop3PortOrZero) {
    int port = portOrZero == 0 ? LoopbackPorts.free() : portOrZero;
    int pop3Port = pop3PortOrZero;
    while (pop3Port == 0 || pop3Port == port) { // a port closed again may be handed out twice
      pop3Port = LoopbackPorts.free();
    }
    var greenMail =
        new GreenMail(
            new ServerSetup[] {
              new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
              new ServerSetup(pop3Port, "127.0.0.1", ServerSetup.PROTOCOL_POP3)
            });
    greenMail.start();
    System.getLogger(MailServer.class.getName())
        .log(
            System.Logger.Level.INFO,
            "mail server (GreenMail) SMTP 127.0.0.1:{0,number,#} POP3 127.0.0.1:{1,number,#}",
            port,
            pop3Port);
    return new MailServer(greenMail, port, pop3Port);
  }

  /**
   * The messages in one recipient's mailbox, read over POP3 as any mail client would: usable from
   * code that cannot reach this object (another class loader, another process).
   */
  public static List<ReceivedMail> fetch(String host, int pop3Port, String address) {
    Session session = Session.getInstance(new Properties());
    try (var store = session.getStore("pop3")) {
      store.connect(host, pop3Port, address, address);
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      try {
        return Arrays.stream(inbox.getMessages()).map(m -> reduce((MimeMessage) m)).toList();
      } finally {
        inbox.close(false);
      }
    } catch (jakarta.mail.AuthenticationFailedException e) {
      return List.of(); // GreenMail opens a recipient's mailbox with its first message
    } catch (MessagingException e) {
      throw new IllegalStateException("cannot read the mailbox of " + address, e);
    }
  }

  public String host() {
    return "127.0.0.1";
  }

  public int port() {
    return port;
  }

  public int pop3Port() {
    return pop3Port;
  }

  /** Every message received so far, oldest first. */
  public List<ReceivedMail> received() {
    return Arrays.stream(greenMail.getReceivedMessages()).map(MailServer::reduce).toList();
  }

  private static ReceivedMail reduce(MimeMessage message) {
    try {
      return new ReceivedMail(
          addresses(message.getFrom()),
          addresses(message.getAllRecipients()),
          message.getSubject(),
          message.getContent() instanceof String text ? text : GreenMailUtil.getBody(message));
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException("cannot read a received message", e);
    }
  }

  private static String addresses(Address[] addresses) {
    return addresses == null
        ? ""
        : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(","));
  }

  @Override
  public void close() {
    greenMail.stop();
  }
}
