package org.jointappeal.pledge.bankstatement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.jointappeal.pledge.bankstatement.StatementFixtures.donorPayingFrom;
import static org.jointappeal.pledge.bankstatement.StatementFixtures.importing;
import static org.jointappeal.pledge.bankstatement.Statements.aCredit;
import static org.jointappeal.pledge.bankstatement.Statements.aStatement;
import static org.jointappeal.pledge.bankstatement.Statements.newIban;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jointappeal.pledge.Db;
import org.jointappeal.pledge.StackResource;
import org.jointappeal.pledge.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /unmatched-receipts/{id}/payer-account} is safe to retry like every command: the same
 * donor again answers the current state and records nothing, another donor is a 409 naming the one
 * the credit has, and an Idempotency-Key replays the first answer.
 */
@QuarkusTest
@StackResource
@TestSecurity(user = "finance", roles = "finance-officer")
class RetriedPayerAccountTest {

  @Inject TestClock clock;

  String donor;
  String entry;

  @BeforeEach
  void anUnidentifiedCreditFromAnAccountNoDonorHolds() {
    clock.reset();
    donor = donorPayingFrom(newIban());
    String account = "021000021-" + (100000000 + ThreadLocalRandom.current().nextInt(899999999));
    entry =
        importing(aStatement().with(aCredit("20.00", "USD").fromOther("USABA", account)).xml())
            .statusCode(201)
            .body("entries[0].matching", equalTo("UNIDENTIFIED"))
            .extract()
            .path("entries[0].id");
  }

  private ValidatableResponse register(String donorCode, String key) {
    var request = given().contentType("application/json");
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return request
        .body("{\"donorCode\":\"" + donorCode + "\"}")
        .when()
        .post("/unmatched-receipts/" + entry + "/payer-account")
        .then();
  }

  private static long receipts() {
    return Db.count("select count(*) from receipt");
  }

  @Test
  void theSameDonorAgainWithoutAKeyAnswersTheCurrentStateAndRecordsNothing() {
    String receipt = register(donor, null).statusCode(200).extract().path("receiptId");
    long receiptsAfterFirst = receipts();

    register(donor, null)
        .statusCode(200)
        .body("donorCode", equalTo(donor))
        .body("receiptId", equalTo(receipt));

    assertThat(receipts()).isEqualTo(receiptsAfterFirst);
  }

  @Test
  void anotherDonorForACreditThatHasOneIsAStateConflictAndRegistersNothing() {
    register(donor, null).statusCode(200);
    String other = donorPayingFrom(newIban());

    register(other, null)
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", endsWith("/state-conflict"))
        .body("detail", containsString("already has donor " + donor));

    given().when().get("/donors/" + other).then().statusCode(200).body("accounts", empty());
  }

  @Test
  void aRegistrationRetriedWithItsKeyReplaysTheAnswerAndTheKeyServesNoOtherRequest() {
    String key = UUID.randomUUID().toString();
    var first = register(donor, key).statusCode(200).extract();
    long receiptsAfterFirst = receipts();

    register(donor, key).statusCode(200).body(equalTo(first.asString()));
    register(donorPayingFrom(newIban()), key)
        .statusCode(422)
        .body("type", endsWith("/idempotency-key-reused"));

    assertThat(receipts()).isEqualTo(receiptsAfterFirst);
  }
}
