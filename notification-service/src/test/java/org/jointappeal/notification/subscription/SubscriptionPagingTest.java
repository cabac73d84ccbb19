package org.jointappeal.notification.subscription;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jointappeal.notification.Db;
import org.jointappeal.notification.Pages;
import org.jointappeal.notification.StackResource;
import org.jointappeal.notification.Subscriptions;
import org.jointappeal.notification.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * GET /subscriptions pages the caller's own subscriptions by cursor in SQL, oldest first (ties by
 * id); nobody else's ever shows. Each test subscribes as a subject of its own.
 */
@QuarkusTest
@StackResource
class SubscriptionPagingTest {

  private static final Instant T0 = Instant.parse("1997-11-03T08:00:00Z");

  @Inject TestClock clock;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  /** Narrowed to an appeal that never has alerts: no dispatcher of another test notifies it. */
  private String subscribedAt(Instant at) {
    clock.set(at);
    return Subscriptions.create(
            """
            {"channel":"EMAIL","emailAddress":"pager@example.org","appealCode":"NO-DISPATCH"}""")
        .toString();
  }

  private static void someoneElsesAt(String subscriber, Instant at) {
    Db.update(
        """
        insert into subscription (id, subscriber, channel, email_address, appeal_code, created_at,
                                  version)
        values (?, ?, 'EMAIL', 'other@example.org', 'NO-DISPATCH', ?, 0)""",
        UUID.randomUUID(),
        subscriber,
        java.sql.Timestamp.from(at));
  }

  @Test
  @TestSecurity(user = "subscription-pager", roles = "finance-officer")
  void theCallersOwnSubscriptionsComeOncePageByPageOldestFirst() {
    var expected = new ArrayList<String>();
    expected.add(subscribedAt(T0));
    someoneElsesAt("finance", T0.plusSeconds(1));
    String tiedOne = subscribedAt(T0.plusSeconds(2));
    String tiedTwo = subscribedAt(T0.plusSeconds(2));
    expected.addAll(Stream.of(tiedOne, tiedTwo).sorted().toList()); // uuid order in SQL
    someoneElsesAt("finance", T0.plusSeconds(3));
    expected.add(subscribedAt(T0.plusSeconds(4)));
    expected.add(subscribedAt(T0.plusSeconds(5)));

    List<List<String>> pages = Pages.all("/subscriptions?limit=2", "id");

    assertThat(pages).extracting(List::size).containsExactly(2, 2, 1);
    assertThat(Pages.flat(pages)).isEqualTo(expected);
  }

  @Test
  @TestSecurity(user = "donor-nor-subscription-pager", roles = "donor")
  @OidcSecurity(claims = @Claim(key = "donor_code", value = "NOR"))
  void aDonorPagesOnlyItsOwnSubscriptions() {
    String first = subscribedAt(T0);
    someoneElsesAt("donor-swe", T0.plusSeconds(1));
    someoneElsesAt("donor-nor", T0.plusSeconds(1));
    String second = subscribedAt(T0.plusSeconds(2));

    List<List<String>> pages = Pages.all("/subscriptions?limit=1", "id");

    assertThat(pages).containsExactly(List.of(first), List.of(second));
  }

  @Test
  @TestSecurity(user = "subscription-pager-limits", roles = "finance-officer")
  void aLimitOutOfRangeOrACursorNotOursIsRefused() {
    for (String limit : List.of("0", "1001", "x")) {
      given()
          .queryParam("limit", limit)
          .when()
          .get("/subscriptions")
          .then()
          .statusCode(422)
          .contentType("application/problem+json")
          .body("type", endsWith("/invalid-page-request"));
    }
    // not base64url; NUL bytes (no instant); an instant without the id after it
    for (String cursor : List.of("@@@", "AAAA", "MTk5Ny0xMS0wM1QwODowMDowMFo")) {
      given()
          .queryParam("cursor", cursor)
          .when()
          .get("/subscriptions")
          .then()
          .statusCode(422)
          .contentType("application/problem+json")
          .body("type", endsWith("/invalid-page-request"));
    }
  }
}
