package org.jointappeal.pledge.pledge;

import static io.restassured.RestAssured.given;
import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.UUID;
import org.jointappeal.pledge.Appeals;
import org.jointappeal.pledge.Db;
import org.jointappeal.pledge.StackResource;
import org.jointappeal.pledge.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every transition is safe to retry: with an Idempotency-Key the first answer is replayed, and the
 * same transition again without one answers the current state; another one is a 409.
 */
@QuarkusTest
@StackResource
class RetriedTransitionsTest {

  static final String COMMITMENT =
      "{\"agreementReference\":\"AGR-RETRY-1\",\"signedOn\":\"1997-09-15\"}";
  static final String CANCELLATION =
      "{\"cancelledOn\":\"1997-08-15\",\"reason\":\"Funds redirected\"}";

  @Inject TestClock clock;

  String appeal;

  @BeforeEach
  void launchedAppeal() {
    clock.reset();
    appeal = Appeals.uniqueCode();
    Appeals.launch(appeal);
  }

  private static ValidatableResponse post(String path, String key, String body) {
    var request = given().contentType(JSON).body(body);
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return request.when().post(path).then();
  }

  private static long history(String pledge, String action) {
    return Db.count(
        "select count(*) from pledge_history where pledge_id = ?::uuid and action = ?",
        pledge,
        action);
  }

  private static long events(String pledge, String type) {
    return Db.count(
        "select count(*) from outbox_event where subject = ? and type = ?",
        pledge,
        "org.jointappeal." + type + ".v1");
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aCommitmentRetriedWithItsKeyReplaysTheAnswerAndCommitsOnce() {
    String id = PledgeFixtures.announceAsFinanceOfficer(appeal, "USA", "100.00", "USD");
    String key = UUID.randomUUID().toString();
    var first = post("/pledges/" + id + "/commitment", key, COMMITMENT).statusCode(200).extract();
    post("/pledges/" + id + "/commitment", key, COMMITMENT)
        .statusCode(200)
        .header("ETag", equalTo(first.header("ETag")))
        .body(equalTo(first.asString()));
    assertThat(history(id, "COMMITTED")).isOne();
    assertThat(events(id, "pledge.committed")).isOne();
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void theSameKeyWithAnotherCommitmentIsRefused() {
    String id = PledgeFixtures.announceAsFinanceOfficer(appeal, "USA", "100.00", "USD");
    String key = UUID.randomUUID().toString();
    post("/pledges/" + id + "/commitment", key, COMMITMENT).statusCode(200);
    post("/pledges/" + id + "/commitment", key, COMMITMENT.replace("RETRY-1", "RETRY-2"))
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", endsWith("/idempotency-key-reused"));
    assertThat(history(id, "COMMITTED")).isOne();
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void theSameCommitmentAgainWithoutAKeyAnswersTheCurrentStateAndChangesNothing() {
    String id = PledgeFixtures.announceAsFinanceOfficer(appeal, "USA", "100.00", "USD");
    String etag =
        post("/pledges/" + id + "/commitment", null, COMMITMENT)
            .statusCode(200)
            .extract()
            .header("ETag");
    // a retry whose first answer was lost still carries the If-Match it read before
    given()
        .contentType(JSON)
        .header("If-Match", "\"0\"")
        .body(COMMITMENT)
        .when()
        .post("/pledges/" + id + "/commitment")
        .then()
        .statusCode(200)
        .header("ETag", equalTo(etag))
        .body("status", equalTo("COMMITTED"))
        .body("agreementReference", equalTo("AGR-RETRY-1"));
    assertThat(history(id, "COMMITTED")).isOne();
    assertThat(events(id, "pledge.committed")).isOne();
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void anotherCommitmentOfACommittedPledgeIsAStateConflictThatNamesTheState() {
    String id = PledgeFixtures.announceAsFinanceOfficer(appeal, "USA", "100.00", "USD");
    post("/pledges/" + id + "/commitment", null, COMMITMENT).statusCode(200);
    post("/pledges/" + id + "/commitment", null, COMMITMENT.replace("RETRY-1", "RETRY-2"))
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", endsWith("/state-conflict"))
        .body("detail", containsString("is COMMITTED, committed on 1997-09-15"));
    assertThat(history(id, "COMMITTED")).isOne();
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void committingACancelledPledgeIsAStateConflict() {
    String id = PledgeFixtures.announceAsFinanceOfficer(appeal, "USA", "100.00", "USD");
    post("/pledges/" + id + "/cancellation", null, CANCELLATION).statusCode(200);
    post("/pledges/" + id + "/commitment", null, COMMITMENT)
        .statusCode(409)
        .body("type", endsWith("/state-conflict"))
        .body("detail", containsString("is CANCELLED"));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void theSameCancellationAgainWithoutAKeyAnswersTheCurrentStateAndChangesNothing() {
    String id = PledgeFixtures.announceAsFinanceOfficer(appeal, "USA", "100.00", "USD");
    post("/pledges/" + id + "/cancellation", null, CANCELLATION).statusCode(200);
    post("/pledges/" + id + "/cancellation", null, CANCELLATION)
        .statusCode(200)
        .body("status", equalTo("CANCELLED"));
    assertThat(history(id, "CANCELLED")).isOne();
    assertThat(events(id, "pledge.cancelled")).isOne();
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void anotherCancellationOfACancelledPledgeIsAStateConflict() {
    String id = PledgeFixtures.announceAsFinanceOfficer(appeal, "USA", "100.00", "USD");
    post("/pledges/" + id + "/cancellation", null, CANCELLATION).statusCode(200);
    post("/pledges/" + id + "/cancellation", null, CANCELLATION.replace("08-15", "08-16"))
        .statusCode(409)
        .body("type", endsWith("/state-conflict"))
        .body("detail", containsString("is CANCELLED since 1997-08-15"));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aCancellationRetriedWithItsKeyReplaysTheAnswer() {
    String id = PledgeFixtures.announceAsFinanceOfficer(appeal, "USA", "100.00", "USD");
    String key = UUID.randomUUID().toString();
    var first =
        post("/pledges/" + id + "/cancellation", key, CANCELLATION).statusCode(200).extract();
    post("/pledges/" + id + "/cancellation", key, CANCELLATION)
        .statusCode(200)
        .body(equalTo(first.asString()));
    assertThat(history(id, "CANCELLED")).isOne();
  }
}
