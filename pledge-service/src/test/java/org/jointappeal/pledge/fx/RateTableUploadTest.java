package org.jointappeal.pledge.fx;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.jointappeal.pledge.Db;
import org.jointappeal.pledge.StackResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@StackResource
class RateTableUploadTest {

  private static long ratesOf(String currency) {
    return Db.count("select count(*) from unore_rate where currency = ?", currency);
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aTableIsRecordedWhole() {
    given()
        .contentType("text/csv")
        .body("currency,unitsPerUsd,effectiveFrom\nDKK,6.52,1997-07-01\nDKK,6.48,1997-07-15\n")
        .when()
        .post("/exchange-rates")
        .then()
        .statusCode(200)
        .body("created", equalTo(2))
        .body("rates.unitsPerUsd", contains("6.52", "6.48"));
    given()
        .queryParam("currency", "DKK")
        .when()
        .get("/exchange-rates")
        .then()
        .body("effectiveFrom", contains("1997-07-01", "1997-07-15"));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aMonthMeansItsFirstDay() {
    given()
        .contentType("text/csv")
        .body("FIM,5.18,1997-08\n")
        .when()
        .post("/exchange-rates")
        .then()
        .statusCode(200)
        .body("rates[0].effectiveFrom", equalTo("1997-08-01"));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aTableWithErrorsIsRejectedWholeNamingEachLine() {
    given()
        .contentType("text/csv")
        .body(
            """
            currency,unitsPerUsd,effectiveFrom
            ATS,12.40,1997-07-01
            ATS,-1,1997-08-01
            ATS,12.41
            XAU,1,1997-07-01
            """)
        .when()
        .post("/exchange-rates")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", endsWith("/invalid-rate-table"))
        .body("errors.field", contains("line 3", "line 4", "line 5"));
    assertThat(ratesOf("ATS")).isZero();
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aRetryWithTheSameKeyReplaysTheFirstAnswer() {
    String table = "BEF,36.40,1997-07-01\n";
    String key = java.util.UUID.randomUUID().toString();
    given()
        .contentType("text/csv")
        .header("Idempotency-Key", key)
        .body(table)
        .post("/exchange-rates")
        .then()
        .statusCode(200)
        .body("created", equalTo(1));
    // a second upload without the key would answer created 0, unchanged 1
    given()
        .contentType("text/csv")
        .header("Idempotency-Key", key)
        .body(table)
        .when()
        .post("/exchange-rates")
        .then()
        .statusCode(200)
        .body("created", equalTo(1));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aTableCorrectingARateRecordsANewVersionAndLeavesTheSameValueAlone() {
    given()
        .contentType("text/csv")
        .body("PTE,180.5,1997-07\nPTE,181,1997-08\n")
        .post("/exchange-rates");
    given()
        .contentType("text/csv")
        .body("PTE,180.6,1997-07\nPTE,181.000,1997-08\n")
        .when()
        .post("/exchange-rates")
        .then()
        .statusCode(200)
        .body("created", equalTo(0))
        .body("revised", equalTo(1))
        .body("unchanged", equalTo(1));
    given()
        .get("/exchange-rates/PTE/1997-07-01/versions")
        .then()
        .body("unitsPerUsd", contains("180.5", "180.6"))
        .body("[1].recordedBy", equalTo("finance"))
        .body("[1].reason", equalTo("rate table upload"));
    given().get("/exchange-rates/PTE/1997-08-01/versions").then().body("version", contains(1));
  }

  @Test
  @TestSecurity(user = "donor-nor", roles = "donor")
  @OidcSecurity(claims = @Claim(key = "donor_code", value = "NOR"))
  void donorCannotUploadRates() {
    given()
        .contentType("text/csv")
        .body("ITL,1700,1997-07-01\n")
        .when()
        .post("/exchange-rates")
        .then()
        .statusCode(403);
    assertThat(ratesOf("ITL")).isZero();
  }
}
