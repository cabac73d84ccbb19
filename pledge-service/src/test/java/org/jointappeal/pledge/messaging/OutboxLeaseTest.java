package org.jointappeal.pledge.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.jointappeal.pledge.StackResource;
import org.junit.jupiter.api.Test;

/**
 * Of several instances, only the lease holder publishes, so rows go out once and in order. This
 * service's own relay takes the lease briefly on every sweep, so taking it is awaited.
 */
@QuarkusTest
@StackResource
class OutboxLeaseTest {

  private static final Duration LEASE = Duration.ofSeconds(30);

  @Inject Outbox outbox;

  private void take(String holder, Duration duration) {
    await().atMost(Duration.ofSeconds(10)).until(() -> outbox.acquireLease(holder, duration));
  }

  @Test
  void aSecondInstanceCannotTakeAHeldLease() {
    take("instance-a", LEASE);
    try {
      assertThat(outbox.acquireLease("instance-b", LEASE)).isFalse();
      assertThat(outbox.acquireLease("instance-a", LEASE)).isTrue(); // the holder renews
    } finally {
      outbox.releaseLease("instance-a");
    }
  }

  @Test
  void aReleasedLeaseCanBeTakenByAnotherInstance() {
    take("instance-a", LEASE);
    outbox.releaseLease("instance-a");
    take("instance-b", LEASE);
    outbox.releaseLease("instance-b");
  }

  @Test
  void theExpiredLeaseOfADeadInstanceCanBeTaken() {
    take("dead-instance", Duration.ofMillis(1)); // never released: the instance died
    take("instance-b", LEASE);
    assertThat(outbox.acquireLease("dead-instance", LEASE)).isFalse();
    outbox.releaseLease("instance-b");
  }
}
