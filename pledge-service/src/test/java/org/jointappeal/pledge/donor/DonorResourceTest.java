package org.jointappeal.pledge.donor;

import static io.restassured.RestAssured.given;
import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import java.util.UUID;
import org.jointappeal.pledge.Db;
import org.jointappeal.pledge.Donors;
import org.jointappeal.pledge.HeldIdempotencyKey;
import org.jointappeal.pledge.StackResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@StackResource
class DonorResourceTest {

  // valid IBANs (ISO 13616 check digits), as in the standard's examples
  static final String NORWEGIAN_IBAN = "NO9386011117947";
  static final String GERMAN_IBAN = "DE89370400440532013000";
  static final String BRITISH_IBAN = "GB29NWBK60161331926819";

  static String organisation(String code, String... ibans) {
    var list = new StringBuilder();
    for (String iban : ibans) {
      list.append(list.isEmpty() ? "" : ",").append('"').append(iban).append('"');
    }
    return """
        {"code":"%s","name":"Test organisation","kind":"ORGANISATION","ibans":[%s]}"""
        .formatted(code, list);
  }

  static String key() {
    return UUID.randomUUID().toString();
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void financeOfficerRegistersADonorWithItsIbans() {
    String code = Donors.uniqueOrganisationCode();
    given()
        .contentType(JSON)
        .header("Idempotency-Key", key())
        .body(organisation(code, "gb29 nwbk 6016 1331 9268 19"))
        .when()
        .post("/donors")
        .then()
        .statusCode(201)
        .header("Location", endsWith("/donors/" + code))
        .body("code", equalTo(code))
        .body("kind", equalTo("ORGANISATION"))
        .body("ibans", contains(BRITISH_IBAN));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void registeringWithoutAnIdempotencyKeyIsABadRequest() {
    String code = Donors.uniqueOrganisationCode();
    given()
        .contentType(JSON)
        .body(organisation(code))
        .when()
        .post("/donors")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", endsWith("/idempotency-key-required"));
    assertThat(Db.count("select count(*) from donor where code = ?", code)).isZero();
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aRetryWithTheSameKeyReplaysTheFirstAnswer() {
    String code = Donors.uniqueOrganisationCode();
    String key = key();
    String first =
        given()
            .contentType(JSON)
            .header("Idempotency-Key", key)
            .body(organisation(code))
            .post("/donors")
            .then()
            .statusCode(201)
            .extract()
            .asString();
    given()
        .contentType(JSON)
        .header("Idempotency-Key", key)
        .body(organisation(code))
        .when()
        .post("/donors")
        .then()
        .statusCode(201)
        .header("Location", endsWith("/donors/" + code))
        .body(equalTo(first));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void theSameKeyWithAnotherBodyIsRejected() {
    String key = key();
    given()
        .contentType(JSON)
        .header("Idempotency-Key", key)
        .body(organisation(Donors.uniqueOrganisationCode()))
        .post("/donors")
        .then()
        .statusCode(201);
    String other = Donors.uniqueOrganisationCode();
    given()
        .contentType(JSON)
        .header("Idempotency-Key", key)
        .body(organisation(other))
        .when()
        .post("/donors")
        .then()
        .statusCode(422)
        .body("type", endsWith("/idempotency-key-reused"));
    assertThat(Db.count("select count(*) from donor where code = ?", other)).isZero();
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aKeyWhoseFirstRequestIsStillInProgressIsAConflict() throws Exception {
    String key = key();
    try (var held = new HeldIdempotencyKey("finance", key)) {
      given()
          .contentType(JSON)
          .header("Idempotency-Key", key)
          .body(organisation(Donors.uniqueOrganisationCode()))
          .when()
          .post("/donors")
          .then()
          .statusCode(409)
          .body("type", endsWith("/request-in-flight"));
    }
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aTakenCodeIsAConflict() {
    given()
        .contentType(JSON)
        .header("Idempotency-Key", key())
        .body("{\"code\":\"NOR\",\"name\":\"Norway again\",\"kind\":\"STATE\",\"ibans\":[]}")
        .when()
        .post("/donors")
        .then()
        .statusCode(409)
        .body("type", endsWith("/already-exists"));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aStatesCodeMustBeACountryCode() {
    given()
        .contentType(JSON)
        .header("Idempotency-Key", key())
        .body("{\"code\":\"XYZ\",\"name\":\"Nowhere\",\"kind\":\"STATE\",\"ibans\":[]}")
        .when()
        .post("/donors")
        .then()
        .statusCode(422)
        .body("type", endsWith("/invalid-donor-code"));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void anIbanWithWrongCheckDigitsIsRejectedWithoutBeingEchoed() {
    String code = Donors.uniqueOrganisationCode();
    given()
        .contentType(JSON)
        .header("Idempotency-Key", key())
        .body(organisation(code, "GB28NWBK60161331926819"))
        .when()
        .post("/donors")
        .then()
        .statusCode(422)
        .body("type", endsWith("/invalid-iban"))
        .body("detail", not(containsString("NWBK6016")));
    assertThat(Db.count("select count(*) from donor where code = ?", code)).isZero();
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void anIbanOfAnotherDonorIsRejected() {
    given()
        .contentType(JSON)
        .header("Idempotency-Key", key())
        .body(organisation(Donors.uniqueOrganisationCode(), GERMAN_IBAN))
        .post("/donors")
        .then()
        .statusCode(201);
    given()
        .contentType(JSON)
        .header("Idempotency-Key", key())
        .body(organisation(Donors.uniqueOrganisationCode(), GERMAN_IBAN))
        .when()
        .post("/donors")
        .then()
        .statusCode(422)
        .body("type", endsWith("/iban-of-another-donor"));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void financeOfficerReplacesADonorsIbans() {
    String code = Donors.uniqueOrganisationCode();
    given()
        .contentType(JSON)
        .header("Idempotency-Key", key())
        .body(organisation(code))
        .post("/donors")
        .then()
        .statusCode(201);
    given()
        .contentType(JSON)
        .header("If-Match", "\"0\"")
        .body("{\"name\":\"Renamed\",\"ibans\":[\"" + NORWEGIAN_IBAN + "\"]}")
        .when()
        .put("/donors/" + code)
        .then()
        .statusCode(200)
        .header("ETag", equalTo("\"1\""))
        .body("name", equalTo("Renamed"))
        .body("ibans", contains(NORWEGIAN_IBAN));
  }

  @Test
  @TestSecurity(user = "donor-nor", roles = "donor")
  @OidcSecurity(claims = @Claim(key = "donor_code", value = "NOR"))
  void donorReadsItsOwnEntry() {
    given().when().get("/donors/NOR").then().statusCode(200).body("name", equalTo("Norway"));
  }

  @Test
  @TestSecurity(user = "donor-nor", roles = "donor")
  @OidcSecurity(claims = @Claim(key = "donor_code", value = "NOR"))
  void donorCannotReadAnotherDonor() {
    given()
        .when()
        .get("/donors/SWE")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  @TestSecurity(user = "donor-nor", roles = "donor")
  @OidcSecurity(claims = @Claim(key = "donor_code", value = "NOR"))
  void donorListsOnlyItself() {
    given().when().get("/donors").then().statusCode(200).body("code", contains("NOR"));
  }

  @Test
  @TestSecurity(user = "auditor", roles = "auditor")
  void auditorListsTheSeededDonors() {
    given()
        .when()
        .get("/donors")
        .then()
        .statusCode(200)
        .body(
            "findAll { it.kind == 'STATE' }.code",
            org.hamcrest.Matchers.hasItems("NOR", "SWE", "CHE", "USA", "JPN"));
  }

  @Test
  @TestSecurity(user = "donor-nor", roles = "donor")
  @OidcSecurity(claims = @Claim(key = "donor_code", value = "NOR"))
  void donorCannotRegisterDonors() {
    given()
        .contentType(JSON)
        .header("Idempotency-Key", key())
        .body(organisation(Donors.uniqueOrganisationCode()))
        .when()
        .post("/donors")
        .then()
        .statusCode(403);
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aPledgeForADonorOutsideTheRegistryIsRejected() {
    given()
        .contentType(JSON)
        .body(
            """
            {"appealCode":"ANY-1997","donorCode":"FRA","amount":{"amount":"1.00","currency":"USD"},
             "announcedOn":"1997-07-02"}""")
        .when()
        .post("/pledges")
        .then()
        .statusCode(422)
        .body("type", endsWith("/unknown-donor"));
  }
}
