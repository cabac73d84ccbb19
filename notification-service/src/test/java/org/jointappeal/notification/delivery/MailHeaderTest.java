package org.jointappeal.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A mail's subject stays one line whatever the group's labels hold: no header injection. */
class MailHeaderTest {

  private static NotificationMessage groupOf(String groupKey) {
    return new NotificationMessage(
        "1", UUID.randomUUID(), UUID.randomUUID(), "firing", groupKey, Map.of(), false, List.of());
  }

  @Test
  void aLineFeedInTheGroupCannotStartAHeaderOfItsOwn() {
    String subject = EmailChannel.subject(groupOf("appeal=X\nBcc: victim@example.org"));

    assertThat(subject)
        .doesNotContain("\n")
        .doesNotContain("\r")
        .isEqualTo("[FIRING:0] alerts of appeal=X Bcc: victim@example.org");
  }

  @Test
  void everyControlCharacterBecomesASpace() {
    assertThat(EmailChannel.oneLine("a\r\nb\u0000c\td\u0085e")).isEqualTo("a  b c d e");
  }
}
