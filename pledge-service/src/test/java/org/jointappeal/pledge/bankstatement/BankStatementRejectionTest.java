package org.jointappeal.pledge.bankstatement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.jointappeal.pledge.bankstatement.StatementFixtures.donorPayingFrom;
import static org.jointappeal.pledge.bankstatement.StatementFixtures.importing;
import static org.jointappeal.pledge.bankstatement.StatementFixtures.writtenRows;
import static org.jointappeal.pledge.bankstatement.Statements.aCredit;
import static org.jointappeal.pledge.bankstatement.Statements.aStatement;
import static org.jointappeal.pledge.bankstatement.Statements.newIban;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.util.List;
import org.jointappeal.pledge.StackResource;
import org.jointappeal.pledge.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A file that is not a good camt.053 statement is refused whole, with the place at fault, and
 * nothing of it is written: not the statement, not its good entries, no receipt, no event.
 */
@QuarkusTest
@StackResource
@TestSecurity(user = "finance", roles = "finance-officer")
class BankStatementRejectionTest {

  @Inject TestClock clock;

  String payerIban;
  List<Long> before;

  @BeforeEach
  void aKnownPayer() {
    clock.reset();
    payerIban = newIban();
    donorPayingFrom(payerIban);
    before = writtenRows();
  }

  /** A good first entry, so that a refusal must also undo it. */
  private Statements.Entry good() {
    return aCredit("100.00", "USD").from(payerIban);
  }

  @Test
  void aBodyThatIsNotXmlIsABadRequest() {
    importing("Date;Amount\n1997-10-15;100.00")
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", endsWith("/unreadable-bank-statement"));

    assertThat(writtenRows()).isEqualTo(before);
  }

  @Test
  void anEncodingThatDoesNotExistIsABadRequest() {
    // was a 500: the parser's UnsupportedEncodingException was taken for a set-up failure
    String xml =
        aStatement()
            .with(good())
            .xml()
            .replace(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<?xml version=\"1.0\" encoding=\"nonexistent\"?>");

    importing(xml)
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", endsWith("/unreadable-bank-statement"))
        .body("detail", containsString("nonexistent"));

    assertThat(writtenRows()).isEqualTo(before);
  }

  @Test
  void aDocumentTypeDeclarationIsRefusedSoNoExternalEntityIsRead() {
    String xml =
        aStatement()
            .with(good().ustrd("&xxe;"))
            .xml()
            .replace(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<?xml version=\"1.0\"?><!DOCTYPE Document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>");

    importing(xml)
        .statusCode(400)
        .body("type", endsWith("/unreadable-bank-statement"))
        .body("detail", containsString("DOCTYPE"))
        .body("detail", not(containsString("root:")));

    assertThat(writtenRows()).isEqualTo(before);
  }

  @Test
  void anotherMessageThanCamt053IsRefused() {
    importing(
            aStatement()
                .namespace("urn:iso:std:iso:20022:tech:xsd:camt.052.001.02")
                .with(good())
                .xml())
        .statusCode(422)
        .body("type", endsWith("/invalid-bank-statement"))
        .body("errors[0].field", equalTo("Document"));

    assertThat(writtenRows()).isEqualTo(before);
  }

  @Test
  void aLaterCamt053VersionIsRead() {
    importing(
            aStatement()
                .namespace("urn:iso:std:iso:20022:tech:xsd:camt.053.001.08")
                .with(good().statusAsCode())
                .xml())
        .statusCode(201)
        .body("summary.receiptsCreated", equalTo(1));
  }

  @Test
  void aCreditWithoutValueDateIsRefusedNamingTheEntry() {
    importing(aStatement().with(good(), good().noValueDate()).xml())
        .statusCode(422)
        .body("type", endsWith("/invalid-bank-statement"))
        .body("errors.field", hasItem("Ntry[2]/ValDt"));

    assertThat(writtenRows()).isEqualTo(before);
  }

  @Test
  void anEntryWithoutAReferenceIsRefused() {
    String xml = aStatement().with(good(), good().reference("GONE")).xml();

    importing(xml.replace("<AcctSvcrRef>GONE</AcctSvcrRef>", ""))
        .statusCode(422)
        .body("errors.field", hasItem("Ntry[2]/AcctSvcrRef"));

    assertThat(writtenRows()).isEqualTo(before);
  }

  @Test
  void moreDecimalsThanTheCurrencyHasAreRefused() {
    importing(aStatement().with(good(), aCredit("1000.005", "NOK").from(payerIban)).xml())
        .statusCode(422)
        .body("errors.field", hasItem("Ntry[2]/Amt"))
        .body("detail", containsString("NOK allows 2"));

    assertThat(writtenRows()).isEqualTo(before);
  }

  @Test
  void anAmountThatIsNotADecimalIsRefused() {
    importing(aStatement().with(good(), aCredit("1e3", "USD").from(payerIban)).xml())
        .statusCode(422)
        .body("errors.field", hasItem("Ntry[2]/Amt"));

    assertThat(writtenRows()).isEqualTo(before);
  }

  @Test
  void anUnknownCurrencyIsRefused() {
    importing(aStatement().with(good(), aCredit("100.00", "XYZ").from(payerIban)).xml())
        .statusCode(422)
        .body("errors[0].field", equalTo("Ntry[2]/Amt"))
        .body("errors[0].message", containsString("XYZ"));

    assertThat(writtenRows()).isEqualTo(before);
  }

  @Test
  void aCreditInACurrencyWithoutRateOnItsValueDateIsRefusedWhole() {
    importing(
            aStatement()
                .with(good(), aCredit("1000.00", "ISK").from(payerIban).valueDate("1997-10-15"))
                .xml())
        .statusCode(422)
        .body("type", endsWith("/missing-unore-rate"))
        .body("detail", containsString("Ntry[2]"));

    assertThat(writtenRows()).isEqualTo(before);
  }

  @Test
  void aStatementAboveTheSizeLimitIsTooLarge() {
    // the test profile allows 256 KiB: 600 entries of about 600 bytes are more
    var statement = aStatement();
    for (int i = 0; i < 600; i++) {
      statement.with(good().ustrd("x".repeat(140)));
    }

    importing(statement.xml())
        .statusCode(413)
        .contentType("application/problem+json")
        .body("type", endsWith("/bank-statement-too-large"));

    assertThat(writtenRows()).isEqualTo(before);
  }

  @Test
  void aStatementSentAsJsonIsAnUnsupportedMediaType() {
    given()
        .contentType("application/json")
        .body("{}")
        .when()
        .post("/bank-statements")
        .then()
        .statusCode(415)
        .contentType("application/problem+json");

    assertThat(writtenRows()).isEqualTo(before);
  }
}
