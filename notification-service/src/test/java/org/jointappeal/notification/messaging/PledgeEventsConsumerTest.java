package org.jointappeal.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jointappeal.notification.PledgeEvents.DLQ;
import static org.jointappeal.notification.PledgeEvents.TOPIC;
import static org.jointappeal.notification.PledgeEvents.aPledge;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.jointappeal.notification.Db;
import org.jointappeal.notification.FundingEvents;
import org.jointappeal.notification.KafkaTestClient;
import org.jointappeal.notification.PledgeEvents;
import org.jointappeal.notification.StackResource;
import org.junit.jupiter.api.Test;

/** pledge-events into the local pledge copy: once, newest version wins, poison dead-lettered. */
@QuarkusTest
@StackResource
class PledgeEventsConsumerTest {

  @Test
  void aPledgeStateIsKept() {
    var pledge = aPledge().status("COMMITTED");

    pledge.publishAndAwait(PledgeEvents.COMMITTED);

    assertThat(Db.column("select status from known_pledge where pledge_id = ?", pledge.id()))
        .containsExactly("COMMITTED");
  }

  @Test
  void aReversedPaymentTakesThePledgeBackToCommitted() {
    var pledge = aPledge();
    pledge.atVersion(2).status("PAID").publishAndAwait(PledgeEvents.PAYMENT_ALLOCATED);

    pledge.atVersion(3).status("COMMITTED").publishAndAwait(PledgeEvents.PAYMENT_REVERSED);

    assertThat(
            Db.column(
                "select status || ' ' || version from known_pledge where pledge_id = ?",
                pledge.id()))
        .containsExactly("COMMITTED 3");
  }

  @Test
  void anOlderPledgeVersionNeverOverwritesANewerOne() {
    var pledge = aPledge();
    pledge.atVersion(2).status("CANCELLED").publishAndAwait(PledgeEvents.CANCELLED);

    pledge.atVersion(1).status("COMMITTED").publishAndAwait(PledgeEvents.COMMITTED);

    assertThat(
            Db.column(
                "select status || ' ' || version from known_pledge where pledge_id = ?",
                pledge.id()))
        .containsExactly("CANCELLED 2");
  }

  @Test
  void anEventOfAnotherTypeIsRecordedButChangesNothing() {
    String eventId = UUID.randomUUID().toString();
    var pledge = aPledge();
    KafkaTestClient.send(
        TOPIC,
        pledge.appealCode(),
        KafkaTestClient.cloudEventHeaders(eventId, "org.jointappeal.pledge.renamed.v1"),
        KafkaTestClient.bytes(pledge.json(PledgeEvents.COMMITTED)));

    FundingEvents.awaitApplied(eventId);

    assertThat(Db.count("select count(*) from known_pledge where pledge_id = ?", pledge.id()))
        .isZero();
  }

  @Test
  void aRecordThatIsNotJsonIsDeadLetteredAndTheConsumerGoesOn() {
    String poisonId = UUID.randomUUID().toString();
    KafkaTestClient.send(
        TOPIC,
        "GEO-1997",
        KafkaTestClient.cloudEventHeaders(poisonId, "org.jointappeal.pledge.renamed.v1"),
        KafkaTestClient.bytes("{not json"));

    var dead =
        KafkaTestClient.readUntil(
            DLQ, r -> poisonId.equals(KafkaTestClient.header(r, "ce_id")), Duration.ofSeconds(30));
    assertThat(KafkaTestClient.header(dead.get(dead.size() - 1), "dead-letter-topic"))
        .isEqualTo(TOPIC);
    // the consumer went on: a later event is applied
    var later = aPledge();
    later.publishAndAwait(PledgeEvents.ANNOUNCED);
    assertThat(Db.count("select count(*) from known_pledge where pledge_id = ?", later.id()))
        .isEqualTo(1);
  }

  @Test
  void aReceiptStateIsKeptNewestVersionFirst() {
    var receipt = org.jointappeal.notification.ReceiptEvents.aReceipt();
    receipt
        .atVersion(1)
        .unallocated("0.00")
        .publishAndAwait(org.jointappeal.notification.ReceiptEvents.ALLOCATED);

    receipt
        .atVersion(0)
        .unallocated("1000000.00")
        .publishAndAwait(org.jointappeal.notification.ReceiptEvents.RECORDED);

    assertThat(
            Db.column(
                "select unallocated::text from known_receipt where receipt_id = ?", receipt.id()))
        .containsExactly("0.0000");
  }
}
