package org.jointappeal.pledge.bankstatement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.jointappeal.pledge.bankstatement.StatementFixtures.committedPledge;
import static org.jointappeal.pledge.bankstatement.StatementFixtures.donorPayingFrom;
import static org.jointappeal.pledge.bankstatement.StatementFixtures.endOf;
import static org.jointappeal.pledge.bankstatement.StatementFixtures.importing;
import static org.jointappeal.pledge.bankstatement.StatementFixtures.statusAt;
import static org.jointappeal.pledge.bankstatement.Statements.aCredit;
import static org.jointappeal.pledge.bankstatement.Statements.aStatement;
import static org.jointappeal.pledge.bankstatement.Statements.newIban;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jointappeal.pledge.Appeals;
import org.jointappeal.pledge.Db;
import org.jointappeal.pledge.Pages;
import org.jointappeal.pledge.StackResource;
import org.jointappeal.pledge.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A statement of more entries than {@code synchronous-max-entries} (100 in the test profile) is
 * answered 202 and imported in the background: its resource shows the progress, a repeat answers
 * with it, a refusal leaves only the statement's status and reason, and an import a stopped
 * instance left unfinished is begun again. Each test uses an account of its own, so that its queue
 * is its own. The import writes a chunk of 100 entries at a time (test profile).
 */
@QuarkusTest
@StackResource
@TestSecurity(user = "finance", roles = "finance-officer")
class BankStatementProgressTest {

  @Inject TestClock clock;

  String appeal;
  String account;
  String payerIban;
  String donor;
  String stranger;

  @BeforeEach
  void anAccountOfItsOwnAndADonorWithAPledge() {
    clock.reset();
    appeal = Appeals.uniqueCode();
    Appeals.launch(appeal);
    account = newIban();
    payerIban = newIban();
    donor = donorPayingFrom(payerIban);
    stranger = newIban();
  }

  /**
   * {@code unknown} credits from a payer nobody knows (UNIDENTIFIED: no receipt, nothing locked),
   * then {@code paying} credits of 10.00 naming the pledge.
   */
  private Statements.Builder statement(int unknown, int paying, String pledge) {
    var statement = aStatement().account(account);
    for (int i = 0; i < unknown; i++) {
      statement.with(aCredit("1.00", "USD").from(stranger));
    }
    for (int i = 0; i < paying; i++) {
      statement.with(aCredit("10.00", "USD").from(payerIban).endToEndId(pledge));
    }
    return statement;
  }

  /** Holds one of the payer's pledges as another transaction would, until closed. */
  private static Connection holding(String pledge) throws SQLException {
    var connection = Db.connect();
    connection.setAutoCommit(false);
    try (var lock = connection.prepareStatement("select id from pledge where id = ? for update")) {
      lock.setObject(1, UUID.fromString(pledge));
      lock.executeQuery().close();
    }
    return connection;
  }

  @Test
  void aLargeStatementIsAcceptedAtOnceAndItsResourceShowsTheImportUntilItEnds() {
    String pledge = committedPledge(appeal, donor, "1500.00", "USD");
    var statement = statement(0, 150, pledge);

    var accepted =
        importing(statement.xml())
            .statusCode(202)
            .header("Location", containsString("/bank-statements/"))
            .body("statementId", equalTo(statement.id()))
            .body("status", equalTo("RECEIVED"))
            .body("entriesProcessed", equalTo(0))
            .body("entriesTotal", equalTo(150))
            .body("summary", nullValue())
            .body("entries", empty())
            .extract();
    String location = accepted.header("Location");
    assertThat(location).endsWith("/bank-statements/" + accepted.path("id"));

    endOf(location)
        .body("status", equalTo("IMPORTED"))
        .body("entriesProcessed", equalTo(150))
        .body("entriesTotal", equalTo(150))
        .body("summary.entries", equalTo(150))
        .body("summary.receiptsCreated", equalTo(150))
        .body("summary.autoMatched", equalTo(150))
        .body("entries", hasSize(150))
        .body("importedAt", not(nullValue()))
        .body("refusal", nullValue());
    given()
        .when()
        .get("/pledges/" + pledge)
        .then()
        .body("status", equalTo("PAID"))
        .body("paid.amount", equalTo("1500.00"));
    // every receipt's events, and one payment-allocated event per credit, each its own version
    assertThat(
            Db.count(
                "select count(*) from outbox_event where record_key = ? and type = ?",
                donor,
                "org.jointappeal.receipt.allocated.v1"))
        .isEqualTo(150);
    assertThat(
            Db.column(
                "select payload::json -> 'pledge' ->> 'version' from outbox_event"
                    + " where subject = ? and type = ? order by seq",
                pledge,
                "org.jointappeal.pledge.payment-allocated.v1"))
        .hasSize(150)
        .doesNotHaveDuplicates();
  }

  @Test
  void whileItRunsTheStatementShowsTheEntriesTakenOfTheTotalAndARepeatAnswersWithIt()
      throws Exception {
    String pledge = committedPledge(appeal, donor, "1000.00", "USD");
    // the first chunk of 100 is taken; the second waits for the pledge another transaction holds
    String xml = statement(100, 50, pledge).xml();
    String location;
    try (var other = holding(pledge)) {
      location = importing(xml).statusCode(202).extract().header("Location");
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInSameThread()
          .untilAsserted(
              () ->
                  given()
                      .when()
                      .get(location)
                      .then()
                      .body("status", equalTo("IMPORTING"))
                      .body("entriesProcessed", equalTo(100))
                      .body("entriesTotal", equalTo(150)));
      // the list's summary of it says the same, without entries
      var listed =
          Pages.all("/bank-statements?limit=1000").stream()
              .flatMap(page -> page.<Map<String, Object>>getList("").stream())
              .filter(s -> location.endsWith("/" + s.get("id")))
              .toList();
      assertThat(listed).hasSize(1);
      assertThat(listed.get(0))
          .containsEntry("status", "IMPORTING")
          .containsEntry("entriesProcessed", 100)
          .containsEntry("entriesTotal", 150)
          .containsEntry("summary", null)
          .containsEntry("importedAt", null)
          .doesNotContainKey("entries");
      // nothing of it is visible meanwhile
      assertThat(Db.count("select count(*) from receipt where donor_code = ?", donor)).isZero();

      importing(xml)
          .statusCode(202)
          .header("Location", equalTo(location))
          .body("status", equalTo("IMPORTING"));
      other.rollback();
    }

    var first = endOf(location).body("status", equalTo("IMPORTED")).extract();
    var again = importing(xml).statusCode(200).extract();
    assertThat(again.header("Location")).isEqualTo(location);
    assertThat(again.jsonPath().getMap("")).isEqualTo(first.jsonPath().getMap(""));
    assertThat(Db.count("select count(*) from receipt where donor_code = ?", donor)).isEqualTo(50);
  }

  @Test
  void aReversalInALaterChunkUndoesACreditOfTheSameFileAndALaterCreditPaysThePledgeAgain() {
    String pledge = committedPledge(appeal, donor, "100.00", "USD");
    var credit = aCredit("100.00", "USD").from(payerIban).endToEndId(pledge);
    var statement = aStatement().account(account).with(credit);
    for (int i = 0; i < 110; i++) {
      statement.with(aCredit("1.00", "USD").from(stranger));
    }
    statement.with(
        aCredit("100.00", "USD").reversal().naming(credit.reference()).bookedOn("1997-10-15"));
    statement.with(aCredit("100.00", "USD").from(payerIban).endToEndId(pledge));

    String location = importing(statement.xml()).statusCode(202).extract().header("Location");

    var imported =
        endOf(location)
            .body("status", equalTo("IMPORTED"))
            .body("summary.reversals", equalTo(1))
            .body("summary.autoMatched", equalTo(2))
            .body("entries[0].reversedOn", equalTo("1997-10-15"))
            .body("entries[111].pledgeId", equalTo(pledge))
            .extract();
    given()
        .when()
        .get("/receipts/" + imported.path("entries[0].receiptId"))
        .then()
        .body("status", equalTo("REVERSED"));
    given()
        .when()
        .get("/pledges/" + pledge)
        .then()
        .body("status", equalTo("PAID"))
        .body("paid.amount", equalTo("100.00"));
  }

  @Test
  void aReversalInTheSameChunkFindsTheCreditTakenJustBefore() {
    String pledge = committedPledge(appeal, donor, "100.00", "USD");
    var credit = aCredit("100.00", "USD").from(payerIban).endToEndId(pledge);

    importing(
            aStatement()
                .account(account)
                .with(
                    credit,
                    aCredit("100.00", "USD")
                        .reversal()
                        .naming(credit.reference())
                        .bookedOn("1997-10-15"))
                .xml())
        .statusCode(201)
        .body("summary.reversals", equalTo(1))
        .body("entries[0].matching", equalTo("AUTO_MATCHED"))
        .body("entries[0].reversedOn", equalTo("1997-10-15"));

    given()
        .when()
        .get("/pledges/" + pledge)
        .then()
        .body("status", equalTo("COMMITTED"))
        .body("paid.amount", equalTo("0.00"));
  }

  @Test
  void aStatementOfAtMostTheSynchronousNumberOfEntriesIsStillImportedWithinTheRequest() {
    String pledge = committedPledge(appeal, donor, "1000.00", "USD");

    importing(statement(0, 100, pledge).xml())
        .statusCode(201)
        .body("status", equalTo("IMPORTED"))
        .body("entriesProcessed", equalTo(100))
        .body("summary.autoMatched", equalTo(100));
  }

  @Test
  void aSmallStatementWaitsBehindALargeOneOfTheSameAccount() throws Exception {
    String pledge = committedPledge(appeal, donor, "1000.00", "USD");
    String large = statement(100, 10, pledge).xml();
    String small = aStatement().account(account).with(aCredit("5.00", "USD").from(stranger)).xml();
    String largeAt;
    String smallAt;
    try (var other = holding(pledge)) {
      largeAt = importing(large).statusCode(202).extract().header("Location");
      smallAt =
          importing(small)
              .statusCode(202)
              .body("status", equalTo("RECEIVED"))
              .extract()
              .header("Location");
      // several sweeps (every second in the test profile) pass it by while the large one runs
      await()
          .during(Duration.ofSeconds(3))
          .atMost(Duration.ofSeconds(10))
          .pollInSameThread()
          .until(() -> statusAt(smallAt).equals("RECEIVED"));
      assertThat(statusAt(largeAt)).isEqualTo("IMPORTING");
      other.rollback();
    }

    endOf(largeAt).body("status", equalTo("IMPORTED"));
    endOf(smallAt).body("status", equalTo("IMPORTED")).body("summary.credits", equalTo(1));
  }

  @Test
  void aStatementRefusedInTheBackgroundLeavesOnlyItsStatusAndReason() {
    String pledge = committedPledge(appeal, donor, "1000.00", "USD");
    // the 120th credit is in a currency without a rate on its value date (no other test values
    // tenge): found only on import
    var statement = statement(100, 19, pledge);
    statement.with(aCredit("1000.00", "KZT").from(payerIban).valueDate("1997-10-15"));
    statement.with(aCredit("10.00", "USD").from(payerIban).endToEndId(pledge));
    var before = written();
    long statementsBefore = Db.count("select count(*) from bank_statement");

    String location = importing(statement.xml()).statusCode(202).extract().header("Location");

    endOf(location)
        .body("status", equalTo("REFUSED"))
        .body("summary", nullValue())
        .body("entries", empty())
        .body("refusal.type", endsWith("/missing-unore-rate"))
        .body("refusal.title", equalTo("No UN operational rate of exchange"))
        .body("refusal.detail", containsString("Ntry[120]"));
    assertThat(written()).isEqualTo(before);
    assertThat(Db.count("select count(*) from bank_statement")).isEqualTo(statementsBefore + 1);
    assertThat(
            Db.count(
                "select count(*) from bank_statement_file where bank_statement_id = ?::uuid",
                idOf(location)))
        .isZero();
    given().when().get("/pledges/" + pledge).then().body("paid.amount", equalTo("0.00"));

    // mended (the rate recorded), the same file is taken anew
    StatementFixtures.rate("KZT", "1997-10-01", "75.5000");
    String again = importing(statement.xml()).statusCode(202).extract().header("Location");
    assertThat(again).isNotEqualTo(location);
    endOf(again).body("status", equalTo("IMPORTED")).body("summary.receiptsCreated", equalTo(21));
  }

  @Test
  void anImportAStoppedInstanceLeftUnfinishedIsBegunAgain() {
    String pledge = committedPledge(appeal, donor, "1000.00", "USD");
    String id = leftImporting(statement(0, 120, pledge), 1);

    String location = "/bank-statements/" + id;
    endOf(location).body("status", equalTo("IMPORTED")).body("summary.autoMatched", equalTo(100));
    assertThat(Db.count("select attempts from bank_statement where id = ?::uuid", id)).isEqualTo(2);
    given().when().get("/pledges/" + pledge).then().body("status", equalTo("PAID"));
  }

  @Test
  void anImportInterruptedAsOftenAsAllowedFailsAndWritesNothing() {
    String pledge = committedPledge(appeal, donor, "1000.00", "USD");
    String id = leftImporting(statement(0, 120, pledge), 3);

    endOf("/bank-statements/" + id)
        .body("status", equalTo("FAILED"))
        .body("refusal.type", endsWith("/internal-error"))
        .body("refusal.detail", containsString("3 times"));
    assertThat(Db.count("select count(*) from receipt where donor_code = ?", donor)).isZero();
    assertThat(
            Db.count(
                "select count(*) from bank_statement_file where bank_statement_id = ?::uuid", id))
        .isZero();
  }

  /**
   * What an instance that died during an import leaves: the statement IMPORTING, begun {@code
   * attempts} times, with its file; nothing else (its transaction never committed).
   */
  private String leftImporting(Statements.Builder statement, int attempts) {
    String id = UUID.randomUUID().toString();
    int entries = 120;
    Db.update(
        """
        insert into bank_statement (id, statement_id, account_iban, status, entries,
          entries_processed, credits, debits_ignored, not_booked_ignored, duplicates_skipped,
          receipts_created, auto_matched, unmatched, reversals, imported_by, received_at, attempts)
        values (?::uuid, ?, ?, 'IMPORTING', ?, 100, 0, 0, 0, 0, 0, 0, 0, 0, 'finance', now(), ?)""",
        id,
        statement.id(),
        account,
        entries,
        attempts);
    Db.update(
        "insert into bank_statement_file (bank_statement_id, content) values (?::uuid, ?)",
        id,
        statement.xml().getBytes(StandardCharsets.UTF_8));
    return id;
  }

  /** What an import of this test's statements writes. */
  private List<Long> written() {
    return List.of(
        Db.count("select count(*) from receipt where donor_code = ?", donor),
        Db.count(
            "select count(*) from allocation a join receipt r on r.id = a.receipt_id"
                + " where r.donor_code = ?",
            donor),
        Db.count("select count(*) from statement_entry where account_iban = ?", account),
        Db.count("select count(*) from outbox_event where record_key in (?, ?)", donor, appeal),
        Db.count("select count(*) from receipt"),
        Db.count("select count(*) from allocation"));
  }

  static String idOf(String location) {
    return location.substring(location.lastIndexOf('/') + 1);
  }
}
