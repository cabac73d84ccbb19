package org.jointappeal.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.jointappeal.notification.Db;
import org.jointappeal.notification.StackResource;
import org.junit.jupiter.api.Test;

/**
 * The check right before a send: only the lease holder of a delivery still due may send it, and
 * doing so renews the lease, so a delivery another instance took over is never sent twice.
 */
@QuarkusTest
@StackResource
class LeaseTest {

  @Inject Deliveries deliveries;

  /** A pending delivery leased to {@code holder} for ten minutes (no sender here will claim it). */
  private static UUID leasedTo(String holder, String status) {
    UUID id = UUID.randomUUID();
    Db.update(
        """
        insert into delivery (id, subscription_id, group_key, channel, status, payload, decided_at,
                              lease_holder, lease_until)
        values (?, ?, 'appeal=LEASE', 'WEBHOOK', ?, '{}', now(), ?,
                clock_timestamp() + interval '10 minutes')""",
        id,
        UUID.randomUUID(),
        status,
        holder);
    return id;
  }

  @Test
  void aDeliveryAnotherInstanceTookOverIsNotSentByTheFormerHolder() {
    UUID id = leasedTo("instance-b", "PENDING");

    assertThat(deliveries.renew(id, "instance-a", Duration.ofMinutes(1))).isFalse();
    assertThat(Db.column("select lease_holder from delivery where id = ?", id))
        .containsExactly("instance-b");
  }

  @Test
  void theHolderRenewsItsLeaseForAFullLeaseBeforeSending() {
    UUID id = leasedTo("instance-a", "PENDING");
    Db.update("update delivery set lease_until = clock_timestamp() where id = ?", id);

    assertThat(deliveries.renew(id, "instance-a", Duration.ofMinutes(5))).isTrue();
    assertThat(
            Db.count(
                """
                select count(*) from delivery where id = ?
                  and lease_until > clock_timestamp() + interval '4 minutes'""",
                id))
        .isEqualTo(1);
  }

  @Test
  void aDeliveryAlreadySentIsNotSentAgain() {
    UUID id = leasedTo("instance-a", "SENT");

    assertThat(deliveries.renew(id, "instance-a", Duration.ofMinutes(1))).isFalse();
  }
}
