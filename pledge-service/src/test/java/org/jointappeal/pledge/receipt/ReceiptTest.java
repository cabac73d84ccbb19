package org.jointappeal.pledge.receipt;

import static io.restassured.RestAssured.given;
import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.UUID;
import org.jointappeal.pledge.Db;
import org.jointappeal.pledge.StackResource;
import org.jointappeal.pledge.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@StackResource
class ReceiptTest {

  @Inject TestClock clock;

  /** Unique per test: the receipts a test wrote are found by it. */
  String bankReference;

  @BeforeEach
  void rates() {
    clock.reset();
    bankReference = "NDEA-" + UUID.randomUUID();
    ReceiptFixtures.rate("NOK", "1997-07-01", "7.4600");
    ReceiptFixtures.rate("NOK", "1997-10-01", "7.1000");
  }

  private String body(String donor, String amount, String currency, String valueDate) {
    return """
        {"donorCode":"%s","amount":{"amount":"%s","currency":"%s"},"valueDate":"%s",
         "bankReference":"%s","remittanceText":"Contribution CIS Programme of Action 1997"}"""
        .formatted(donor, amount, currency, valueDate, bankReference);
  }

  private static ValidatableResponse post(String body, String key) {
    return given()
        .contentType(JSON)
        .header("Idempotency-Key", key)
        .body(body)
        .when()
        .post("/receipts")
        .then();
  }

  private long written() {
    return Db.count("select count(*) from receipt where bank_reference = ?", bankReference);
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aReceiptIsValuedAtTheRateInForceOnItsValueDate() {
    post(body("NOR", "710000.00", "NOK", "1997-10-15"), UUID.randomUUID().toString())
        .statusCode(201)
        .header("Location", containsString("/receipts/"))
        .body("donorCode", equalTo("NOR"))
        .body("amount.amount", equalTo("710000.00"))
        // 710 000 / 7.10, the rate from 1 October, not the 7.46 of July
        .body("usdValue.amount", equalTo("100000.00"))
        .body("unitsPerUsd", equalTo("7.1"))
        .body("rateEffectiveFrom", equalTo("1997-10-01"))
        .body("unallocated.amount", equalTo("710000.00"))
        .body("allocated.amount", equalTo("0.00"))
        .body("recordedBy", equalTo("finance"));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aReceiptCanBeReadAtItsLocation() {
    String location =
        post(body("NOR", "100.00", "USD", "1997-10-15"), UUID.randomUUID().toString())
            .statusCode(201)
            .extract()
            .header("Location");
    given()
        .when()
        .get(location)
        .then()
        .statusCode(200)
        .body("bankReference", equalTo(bankReference))
        .body("usdValue.amount", equalTo("100.00"));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aReceiptWithoutARateOnItsValueDateIsRejectedNamingCurrencyAndDate() {
    post(body("NOR", "1000.00", "MNT", "1997-10-15"), UUID.randomUUID().toString())
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", endsWith("/missing-unore-rate"))
        .body("detail", containsString("MNT"))
        .body("detail", containsString("1997-10-15"));
    assertThat(written()).isZero();
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aReceiptTooLargeToStoreIsRejectedNamingTheField() {
    post(body("NOR", "1000000000000000", "NOK", "1997-10-15"), UUID.randomUUID().toString())
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", endsWith("/amount-too-large"))
        .body("errors.field", hasItem("amount.amount"));
    assertThat(written()).isZero();
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aReceiptWithMoreDecimalsThanItsCurrencyIsRejected() {
    post(body("NOR", "1000.001", "NOK", "1997-10-15"), UUID.randomUUID().toString())
        .statusCode(422)
        .body("type", endsWith("/too-many-decimals"));
    assertThat(written()).isZero();
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aReceiptFromAnUnknownDonorIsRejected() {
    post(body("QQQ", "100.00", "USD", "1997-10-15"), UUID.randomUUID().toString())
        .statusCode(422)
        .body("type", endsWith("/unknown-donor"));
    assertThat(written()).isZero();
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aReceiptDatedInTheFutureIsRejected() {
    post(body("NOR", "100.00", "USD", "1998-01-15"), UUID.randomUUID().toString())
        .statusCode(422)
        .body("type", endsWith("/date-in-future"));
    assertThat(written()).isZero();
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aReceiptWithoutABankReferenceIsABadRequest() {
    post(
            """
            {"donorCode":"NOR","amount":{"amount":"100.00","currency":"USD"},
             "valueDate":"1997-10-15","remittanceText":"%s"}"""
                .formatted(bankReference),
            UUID.randomUUID().toString())
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("bankReference"));
    assertThat(Db.count("select count(*) from receipt where remittance_text = ?", bankReference))
        .isZero();
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aReceiptWithoutAnIdempotencyKeyIsABadRequest() {
    given()
        .contentType(JSON)
        .body(body("NOR", "100.00", "USD", "1997-10-15"))
        .when()
        .post("/receipts")
        .then()
        .statusCode(400)
        .body("type", endsWith("/idempotency-key-required"));
    assertThat(written()).isZero();
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aRetryWithTheSameKeyReplaysTheReceiptWithoutASecondOne() {
    String key = UUID.randomUUID().toString();
    String body = body("NOR", "100.00", "USD", "1997-10-15");
    String location = post(body, key).statusCode(201).extract().header("Location");
    post(body, key).statusCode(201).header("Location", equalTo(location));
    assertThat(written()).isEqualTo(1);
  }

  @Test
  @TestSecurity(user = "donor-nor", roles = "donor")
  @OidcSecurity(claims = @Claim(key = "donor_code", value = "NOR"))
  void donorCannotRecordAReceipt() {
    post(body("NOR", "100.00", "USD", "1997-10-15"), UUID.randomUUID().toString()).statusCode(403);
    assertThat(written()).isZero();
  }

  @Test
  @TestSecurity(user = "donor-nor", roles = "donor")
  @OidcSecurity(claims = @Claim(key = "donor_code", value = "NOR"))
  void donorCannotSeeAnotherDonorsReceipt() {
    String swedish = ReceiptFixtures.receipt("SWE", "100.00", "USD", "1997-10-15");
    given()
        .when()
        .get("/receipts/" + swedish)
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", endsWith("/not-found"));
  }

  @Test
  @TestSecurity(user = "donor-swe", roles = "donor")
  @OidcSecurity(claims = @Claim(key = "donor_code", value = "SWE"))
  void donorSeesItsOwnReceipt() {
    String swedish = ReceiptFixtures.receipt("SWE", "100.00", "USD", "1997-10-15");
    given().when().get("/receipts/" + swedish).then().statusCode(200).body("id", equalTo(swedish));
  }

  @Test
  @TestSecurity(user = "donor-nor", roles = "donor")
  @OidcSecurity(claims = @Claim(key = "donor_code", value = "NOR"))
  void donorListsOnlyItsOwnReceipts() {
    ReceiptFixtures.receipt("SWE", "100.00", "USD", "1997-10-15");
    ReceiptFixtures.receipt("NOR", "100.00", "USD", "1997-10-15");
    given()
        .when()
        .get("/receipts")
        .then()
        .statusCode(200)
        .body("donorCode", hasItem("NOR"))
        .body("donorCode", everyItem(equalTo("NOR")));
  }
}
