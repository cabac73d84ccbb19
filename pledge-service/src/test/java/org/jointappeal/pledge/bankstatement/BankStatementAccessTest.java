package org.jointappeal.pledge.bankstatement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jointappeal.pledge.bankstatement.StatementFixtures.importing;
import static org.jointappeal.pledge.bankstatement.StatementFixtures.writtenRows;
import static org.jointappeal.pledge.bankstatement.Statements.aCredit;
import static org.jointappeal.pledge.bankstatement.Statements.aStatement;
import static org.jointappeal.pledge.bankstatement.Statements.newIban;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.jointappeal.pledge.StackResource;
import org.junit.jupiter.api.Test;

/** Bank statements are the finance officers' (auditors read); donors have no access at all. */
@QuarkusTest
@StackResource
class BankStatementAccessTest {

  private static String statement() {
    return aStatement().with(aCredit("10.00", "USD").from(newIban())).xml();
  }

  @Test
  @TestSecurity(user = "donor-nor", roles = "donor")
  @OidcSecurity(claims = @Claim(key = "donor_code", value = "NOR"))
  void aDonorCannotImportAStatement() {
    var before = writtenRows();

    importing(statement()).statusCode(403).contentType("application/problem+json");

    assertThat(writtenRows()).isEqualTo(before);
  }

  @Test
  @TestSecurity(user = "auditor", roles = "auditor")
  void anAuditorCannotImportAStatement() {
    var before = writtenRows();

    importing(statement()).statusCode(403);

    assertThat(writtenRows()).isEqualTo(before);
  }

  @Test
  @TestSecurity(user = "donor-nor", roles = "donor")
  @OidcSecurity(claims = @Claim(key = "donor_code", value = "NOR"))
  void aDonorCannotListStatements() {
    given().when().get("/bank-statements").then().statusCode(403);
  }

  @Test
  @TestSecurity(user = "donor-nor", roles = "donor")
  @OidcSecurity(claims = @Claim(key = "donor_code", value = "NOR"))
  void aDonorCannotSeeTheUnmatchedQueue() {
    given().when().get("/unmatched-receipts").then().statusCode(403);
  }

  @Test
  @TestSecurity(user = "auditor", roles = "auditor")
  void anAuditorReadsStatementsAndTheUnmatchedQueue() {
    given().when().get("/bank-statements").then().statusCode(200);
    given().when().get("/unmatched-receipts").then().statusCode(200);
  }

  @Test
  @TestSecurity(user = "auditor", roles = "auditor")
  void anAuditorCannotNameTheDonorOfACredit() {
    given()
        .contentType("application/json")
        .body("{\"donorCode\":\"NOR\"}")
        .when()
        .post("/unmatched-receipts/" + java.util.UUID.randomUUID() + "/donor-assignment")
        .then()
        .statusCode(403);
  }
}
