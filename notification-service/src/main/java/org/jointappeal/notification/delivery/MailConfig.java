package org.jointappeal.notification.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * The SMTP relay that alert mail is handed to (the local stack and tests run GreenMail; production
 * sets its own relay and credentials). One connection per mail, within the delivery deadline.
 */
@ConfigMapping(prefix = "notification.mail")
public interface MailConfig {

  @WithDefault("127.0.0.1")
  String host();

  @WithDefault("3025")
  int port();

  @WithDefault("alerts@jointappeal.org")
  String from();

  /**
   * The name this service greets the relay with (EHLO). Given, never looked up: looking up the
   * local host's name can wait on DNS.
   */
  @WithDefault("localhost")
  String heloName();

  /** When set, the relay is logged in to (AUTH) with these. */
  Optional<String> username();

  Optional<String> password();

  /**
   * STARTTLS: {@code optional} uses it when the relay offers it; {@code required} fails without.
   */
  @WithDefault("optional")
  StartTls startTls();

  enum StartTls {
    DISABLED,
    OPTIONAL,
    REQUIRED
  }
}
