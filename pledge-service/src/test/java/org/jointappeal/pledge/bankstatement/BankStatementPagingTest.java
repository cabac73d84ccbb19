package org.jointappeal.pledge.bankstatement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.jointappeal.pledge.bankstatement.StatementFixtures.committedPledge;
import static org.jointappeal.pledge.bankstatement.StatementFixtures.donorPayingFrom;
import static org.jointappeal.pledge.bankstatement.StatementFixtures.importing;
import static org.jointappeal.pledge.bankstatement.Statements.aCredit;
import static org.jointappeal.pledge.bankstatement.Statements.aStatement;
import static org.jointappeal.pledge.bankstatement.Statements.newIban;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jointappeal.pledge.Appeals;
import org.jointappeal.pledge.Pages;
import org.jointappeal.pledge.StackResource;
import org.jointappeal.pledge.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GET /bank-statements (the latest received first) and GET /unmatched-receipts (by value date) page
 * in SQL; a page of the queue brings each credit's suggestions as the credit's own answer does.
 */
@QuarkusTest
@StackResource
@TestSecurity(user = "finance", roles = "finance-officer")
class BankStatementPagingTest {

  @Inject TestClock clock;

  String appeal;
  String payerIban;
  String donor;

  @BeforeEach
  void launchedAppealRatesAndADonorWithAnIban() {
    clock.reset();
    appeal = Appeals.uniqueCode();
    Appeals.launch(appeal);
    StatementFixtures.rate("NOK", "1997-07-01", "7.4600");
    StatementFixtures.rate("NOK", "1997-10-01", "7.1000");
    payerIban = newIban();
    donor = donorPayingFrom(payerIban);
  }

  private String imported(Statements.Builder statement) {
    return importing(statement.xml()).statusCode(201).extract().path("id");
  }

  private static String cursor(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void statementsComeLatestReceivedFirstEachOnceAcrossThePages() {
    var mine = new ArrayList<String>();
    for (int day = 2; day <= 4; day++) {
      clock.set(Instant.parse("1997-12-0" + day + "T09:00:00Z"));
      mine.add(0, imported(aStatement().with(aCredit("10.00", "NOK").from(newIban()))));
    }

    var ids = new ArrayList<String>();
    var receivedAt = new ArrayList<Instant>();
    for (var page : Pages.all("/bank-statements?limit=2")) {
      assertThat(page.getList("")).hasSizeBetween(1, 2);
      assertThat(page.getList("entries")).allSatisfy(entries -> assertThat(entries).isNull());
      ids.addAll(page.getList("id"));
      page.getList("receivedAt", String.class).forEach(at -> receivedAt.add(Instant.parse(at)));
    }

    assertThat(ids).doesNotHaveDuplicates().containsSubsequence(mine);
    assertThat(receivedAt).isSortedAccordingTo(Comparator.reverseOrder());
    assertThat(ids)
        .isEqualTo(Pages.get("/bank-statements?limit=1000").jsonPath().getList("id", String.class));
  }

  @Test
  void statementsImportedAtTheSameInstantPageByIdWithoutGapsOrRepeats() {
    clock.set(Instant.parse("1997-12-05T09:00:00Z"));
    var mine = new ArrayList<String>();
    for (int n = 0; n < 3; n++) {
      mine.add(imported(aStatement().with(aCredit("10.00", "NOK").from(newIban()))));
    }

    List<String> walked = Pages.values("/bank-statements?limit=1", "id");

    assertThat(walked).doesNotHaveDuplicates();
    // the same instant: by id, descending, as PostgreSQL orders uuids (their text order)
    var expected = new ArrayList<>(mine);
    expected.sort(Comparator.reverseOrder());
    assertThat(walked).containsSubsequence(expected);
  }

  @Test
  void theQueuePagesByValueDateAndEachCreditComesWithItsOwnSuggestions() {
    String first = committedPledge(appeal, donor, "746.00", "NOK");
    String second = committedPledge(appeal, donor, "746.00", "NOK");
    var statement =
        aStatement()
            .with(
                aCredit("20.00", "NOK").from(newIban()).valueDate("1997-10-15"),
                // two pledges expect this amount: not confident, it waits with both suggested
                aCredit("746.00", "NOK").from(payerIban).valueDate("1997-10-14"),
                aCredit("30.00", "NOK").from(newIban()).valueDate("1997-10-13"),
                aCredit("40.00", "NOK").from(newIban()).valueDate("1997-10-14"));
    String statementId = imported(statement);

    var items = new ArrayList<Map<String, Object>>();
    for (var page : Pages.all("/unmatched-receipts?limit=3")) {
      assertThat(page.getList("")).hasSizeBetween(1, 3);
      items.addAll(page.<Map<String, Object>>getList(""));
    }
    var ids = items.stream().map(i -> (String) i.get("id")).toList();
    var mine = items.stream().filter(i -> statementId.equals(i.get("bankStatementId"))).toList();

    assertThat(ids).doesNotHaveDuplicates();
    assertThat(items.stream().map(i -> (String) i.get("valueDate")).toList()).isSorted();
    assertThat(mine.stream().map(i -> (String) ((Map<?, ?>) i.get("amount")).get("amount")))
        .containsExactly("30.00", "746.00", "40.00", "20.00");
    assertThat(ids)
        .isEqualTo(
            Pages.get("/unmatched-receipts?limit=1000").jsonPath().getList("id", String.class));
    var suggested = mine.get(1);
    assertThat(
            ((List<?>) suggested.get("suggestions"))
                .stream().map(s -> (String) ((Map<?, ?>) s).get("pledgeId")))
        .containsExactlyInAnyOrder(first, second);
    for (var item : mine) {
      Map<String, Object> own =
          given()
              .when()
              .get("/unmatched-receipts/" + item.get("id"))
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              .getMap("");
      assertThat(item).as("page item and its own answer").isEqualTo(own);
    }
  }

  @Test
  void aLimitOutOfRangeOrACursorNotHandedOutIsRefused() {
    var refused =
        List.of(
            "/bank-statements?limit=0",
            "/bank-statements?limit=1001",
            "/bank-statements?cursor=" + cursor("1997-12-01T09:00:00Z"),
            "/bank-statements?cursor=" + cursor("yesterday\n" + java.util.UUID.randomUUID()),
            "/unmatched-receipts?limit=-3",
            "/unmatched-receipts?limit=1000000000000",
            "/unmatched-receipts?cursor="
                + cursor("1997-10-15\nfirst\n" + java.util.UUID.randomUUID()),
            "/unmatched-receipts?cursor="
                + cursor("1997-10-15\n99999999999\n" + java.util.UUID.randomUUID()));
    for (String uri : refused) {
      given()
          .when()
          .get(uri)
          .then()
          .statusCode(422)
          .contentType("application/problem+json")
          .body("type", endsWith("/invalid-page-request"));
    }
  }
}
