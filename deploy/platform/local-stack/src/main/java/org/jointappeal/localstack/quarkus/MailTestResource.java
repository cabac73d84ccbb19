package org.jointappeal.localstack.quarkus;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;
import org.jointappeal.localstack.MailServer;
import org.jointappeal.localstack.MailServer.ReceivedMail;

/**
 * A real SMTP server on a free port for a service's tests; the service's mail is sent to it. Tests
 * read a recipient's mailbox with {@link #mailbox(String)}.
 */
public class MailTestResource implements QuarkusTestResourceLifecycleManager {

  // A system property, not a static field: Quarkus may load this class in another class loader
  // than the test that reads the mailbox.
  private static final String POP3_PORT_PROPERTY = "local-stack.test.mail.pop3.port";

  private MailServer server;

  /** The messages received for this address so far, oldest first (read over POP3). */
  public static List<ReceivedMail> mailbox(String address) {
    String port = System.getProperty(POP3_PORT_PROPERTY);
    if (port == null) {
      throw new IllegalStateException("MailTestResource is not running");
    }
    return MailServer.fetch("127.0.0.1", Integer.parseInt(port), address);
  }

  @Override
  public Map<String, String> start() {
    server = MailServer.start(0, 0);
    System.setProperty(POP3_PORT_PROPERTY, Integer.toString(server.pop3Port()));
    return Map.of(
        "notification.mail.host", server.host(),
        "notification.mail.port", Integer.toString(server.port()));
  }

  @Override
  public void stop() {
    System.clearProperty(POP3_PORT_PROPERTY);
    if (server != null) {
      server.close();
      server = null;
    }
  }
}
