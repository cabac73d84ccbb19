package org.jointappeal.pledge.iati;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.xml.XmlPath;
import jakarta.inject.Inject;
import org.jointappeal.pledge.Appeals;
import org.jointappeal.pledge.Pledges;
import org.jointappeal.pledge.StackResource;
import org.jointappeal.pledge.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The IATI 2.03 export: Norway pledges NOK 1 492 000 (announced 2 July 1997, committed 15
 * September) and pays NOK 746 000 on 15 October; Sweden's SEK 770 000 is announced only;
 * Switzerland's USD 1 000 is announced and cancelled on 1 August (a decrease of the pledge).
 */
@QuarkusTest
@StackResource
@TestSecurity(user = "finance", roles = "finance-officer")
class IatiExportTest {

  @Inject TestClock clock;

  String appeal;

  @BeforeEach
  void pledgesAndAReceipt() {
    clock.reset();
    appeal = Appeals.uniqueCode();
    Appeals.launch(appeal);
    Pledges.rate("NOK", "1997-07-01", "7.4600");
    Pledges.rate("NOK", "1997-10-01", "7.1000");
    Pledges.rate("SEK", "1997-07-01", "7.7000");
    String norway = Pledges.committed(appeal, "NOR", "1492000.00", "NOK", null);
    Pledges.paid(norway, "NOR", "746000.00", "NOK", "1997-10-15");
    Pledges.announced(appeal, "SWE", "770000.00", "SEK", null);
    Pledges.cancelled(Pledges.announced(appeal, "CHE", "1000.00", "USD", null));
  }

  private String export() {
    return given()
        .queryParam("appeal", appeal)
        .when()
        .get("/exports/iati")
        .then()
        .statusCode(200)
        .contentType(startsWith("application/xml"))
        .extract()
        .asString();
  }

  @Test
  void theExportIsValidAgainstTheIati203Schema() {
    assertThat(IatiSchema.violations(export())).isEmpty();
  }

  @Test
  void theActivityIsTheAppealWithItsHumanitarianScope() {
    var xml = XmlPath.from(export());

    assertThat(xml.getString("iati-activities.@version")).isEqualTo("2.03");
    assertThat(xml.getString("iati-activities.@generated-datetime"))
        .isEqualTo("1997-12-01T09:00:00Z");
    assertThat(xml.getString("iati-activities.iati-activity.iati-identifier"))
        .isEqualTo("XM-OCHA-" + appeal);
    assertThat(xml.getString("iati-activities.iati-activity.reporting-org.@ref"))
        .isEqualTo("XM-OCHA");
    assertThat(xml.getString("iati-activities.iati-activity.humanitarian-scope.@type"))
        .isEqualTo("2");
    assertThat(xml.getString("iati-activities.iati-activity.humanitarian-scope.@vocabulary"))
        .isEqualTo("2-1");
    assertThat(xml.getString("iati-activities.iati-activity.humanitarian-scope.@code"))
        .isEqualTo(appeal);
  }

  @Test
  void pledgesCommitmentsAndFundsAreTransactionsInTheirOriginalCurrencies() {
    var xml = XmlPath.from(export());
    String transactions = "iati-activities.iati-activity.transaction";

    assertThat(xml.getList(transactions + ".transaction-type.@code"))
        .containsExactly("13", "13", "13", "13", "11", "1");
    assertThat(xml.getList(transactions + ".transaction-date.@iso-date"))
        .containsExactly(
            "1997-07-02", "1997-07-02", "1997-07-02", "1997-08-01", "1997-09-15", "1997-10-15");
    assertThat(xml.getList(transactions + ".value"))
        .containsExactly(
            "1000.00", "1492000.00", "770000.00", "-1000.00", "1492000.00", "746000.00");
    assertThat(xml.getList(transactions + ".value.@currency"))
        .containsExactly("USD", "NOK", "SEK", "USD", "NOK", "NOK");
    // the date whose UN operational rate valued it: the announcement, also for the commitment;
    // the receipt's value date for the funds received
    assertThat(xml.getList(transactions + ".value.@value-date"))
        .containsExactly(
            "1997-07-02", "1997-07-02", "1997-07-02", "1997-07-02", "1997-07-02", "1997-10-15");
    assertThat(xml.getList(transactions + ".provider-org.@ref"))
        .containsExactly("CHE", "NOR", "SWE", "CHE", "NOR", "NOR");
  }

  @Test
  void aWriteOffDecreasesTheCommitmentByWhatItWroteOff() {
    String norway =
        Pledges.committed(appeal, "NOR", "500000.00", "NOK", null); // a second Norwegian pledge
    Pledges.writtenOff(norway, "1997-11-30");
    var xml = XmlPath.from(export());
    String transactions = "iati-activities.iati-activity.transaction";

    var types = xml.getList(transactions + ".transaction-type.@code", String.class);
    var values = xml.getList(transactions + ".value", String.class);
    assertThat(types.get(values.indexOf("-500000.00"))).isEqualTo("11");
    assertThat(IatiSchema.violations(export())).isEmpty();
  }

  @Test
  void textIsEscaped() {
    String donor = Pledges.uniqueDonor("Smith & <Jones> \"Foundation\"");
    Pledges.announced(appeal, donor, "10.00", "USD", null);

    String document = export();

    assertThat(document).contains("Smith &amp; &lt;Jones&gt;");
    assertThat(IatiSchema.violations(document)).isEmpty();
    assertThat(
            XmlPath.from(document)
                .getList("iati-activities.iati-activity.participating-org.narrative"))
        .contains("Smith & <Jones> \"Foundation\"");
  }

  @Test
  void controlCharactersInATitleLeaveTheDocumentWellFormed() {
    // recorded before requests refused them, or carried by an event: the export must still parse
    String odd = Appeals.uniqueCode();
    Appeals.publish(
        odd,
        "org.jointappeal.appeal.launched.v1",
        Appeals.stateJson(odd, 1, "LAUNCHED", java.util.List.of())
            .replace("Test appeal", "Winter\\u0001appeal\\u001b[31m"));

    String document =
        given()
            .queryParam("appeal", odd)
            .when()
            .get("/exports/iati")
            .then()
            .statusCode(200)
            .extract()
            .asString();

    // XmlPath parses the document: an ill-formed one fails here
    assertThat(XmlPath.from(document).getString("iati-activities.iati-activity.title.narrative"))
        .isEqualTo("Winter\uFFFDappeal\uFFFD[31m");
  }

  @Test
  void anUnknownAppealIsNotFound() {
    given()
        .queryParam("appeal", "NOPE-1997")
        .when()
        .get("/exports/iati")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void withoutAnAppealTheRequestIsInvalid() {
    given()
        .when()
        .get("/exports/iati")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", endsWith("/invalid-request"));
  }

  @Test
  @TestSecurity(user = "auditor", roles = "auditor")
  void anAuditorMayExport() {
    assertThat(IatiSchema.violations(export())).isEmpty();
  }

  @Test
  @TestSecurity(user = "nor", roles = "donor")
  @OidcSecurity(claims = @Claim(key = "donor_code", value = "NOR"))
  void aDonorMayNotExport() {
    given()
        .queryParam("appeal", appeal)
        .when()
        .get("/exports/iati")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
  }

  @Test
  @TestSecurity(user = "manager", roles = "appeal-manager")
  void anAppealManagerMayNotExport() {
    given().queryParam("appeal", appeal).when().get("/exports/iati").then().statusCode(403);
  }
}
