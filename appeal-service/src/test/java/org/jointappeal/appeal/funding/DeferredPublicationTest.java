package org.jointappeal.appeal.funding;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jointappeal.appeal.Appeals;
import org.jointappeal.appeal.Db;
import org.jointappeal.appeal.StackResource;
import org.jointappeal.appeal.appeal.AppealFixtures;
import org.junit.jupiter.api.Test;

/**
 * A replay's large batches note the appeals they change instead of publishing them; once caught up,
 * each noted appeal gets one funding.changed.v1 with its figures at that moment.
 */
@QuarkusTest
@StackResource
class DeferredPublicationTest {

  @Inject FundingService funding;

  private static long fundingChanges(String appeal) {
    return Db.count(
        "select count(*) from outbox_event where record_key = ? and type = ?",
        appeal,
        "org.jointappeal.funding.changed.v1");
  }

  @Test
  void largeBatchesDeferAndTheAppealIsPublishedOnceWhenCaughtUp() {
    String appeal = Appeals.uniqueCode();
    AppealFixtures.launched(appeal);
    long atLaunch = fundingChanges(appeal);
    UUID pledge = UUID.randomUUID();
    for (int version = 0; version < 3; version++) {
      var event =
          PledgeEvents.changed(
              appeal, pledge, "100000.00", version == 0 ? "ANNOUNCED" : "COMMITTED", version);
      QuarkusTransaction.requiringNew().run(() -> funding.defer(funding.keep(List.of(event))));
    }
    assertThat(fundingChanges(appeal)).as("nothing published while behind").isEqualTo(atLaunch);
    assertThat(Db.count("select count(*) from funding_unpublished where appeal_code = ?", appeal))
        .isEqualTo(1);

    QuarkusTransaction.requiringNew().run(() -> funding.publishDeferred(Duration.ZERO, Set.of()));
    assertThat(fundingChanges(appeal)).isEqualTo(atLaunch + 1);
    assertThat(
            Db.column(
                    "select payload from outbox_event where record_key = ? and type = ?"
                        + " order by seq desc limit 1",
                    appeal,
                    "org.jointappeal.funding.changed.v1")
                .get(0)
                .toString())
        .contains("\"committed\":{\"amount\":\"100000.00\"");

    QuarkusTransaction.requiringNew().run(() -> funding.publishDeferred(Duration.ZERO, Set.of()));
    assertThat(fundingChanges(appeal)).as("published once").isEqualTo(atLaunch + 1);
  }

  @Test
  void anAppealTouchedRecentlyWaitsForTheQuietPeriod() {
    String appeal = Appeals.uniqueCode();
    AppealFixtures.launched(appeal);
    long atLaunch = fundingChanges(appeal);
    var event = PledgeEvents.changed(appeal, UUID.randomUUID(), "5000.00", "COMMITTED", 1);
    QuarkusTransaction.requiringNew().run(() -> funding.defer(funding.keep(List.of(event))));
    QuarkusTransaction.requiringNew()
        .run(() -> funding.publishDeferred(Duration.ofHours(1), Set.of()));
    assertThat(fundingChanges(appeal)).isEqualTo(atLaunch);
    QuarkusTransaction.requiringNew().run(() -> funding.publishDeferred(Duration.ZERO, Set.of()));
    assertThat(fundingChanges(appeal)).isEqualTo(atLaunch + 1);
  }
}
