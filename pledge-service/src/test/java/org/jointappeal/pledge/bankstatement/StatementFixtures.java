package org.jointappeal.pledge.bankstatement;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.quarkus.arc.Arc;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.jointappeal.pledge.Db;
import org.jointappeal.pledge.DonorScope;
import org.jointappeal.pledge.Donors;
import org.jointappeal.pledge.donor.DonorKind;
import org.jointappeal.pledge.donor.DonorService;
import org.jointappeal.pledge.donor.RegisterDonorRequest;
import org.jointappeal.pledge.fx.UnoreRateService;
import org.jointappeal.pledge.idempotency.IdempotencyKey;
import org.jointappeal.pledge.money.MoneyRequest;
import org.jointappeal.pledge.pledge.AnnouncePledgeRequest;
import org.jointappeal.pledge.pledge.CommitPledgeRequest;
import org.jointappeal.pledge.pledge.InstalmentRequest;
import org.jointappeal.pledge.pledge.PledgeService;

/** Arranges donors, rates and pledges through the services, whoever the HTTP caller is. */
final class StatementFixtures {

  private StatementFixtures() {}

  /** A donor of its own (an organisation) paying from a fresh IBAN; returns its code. */
  static String donorPayingFrom(String iban) {
    String code = Donors.uniqueOrganisationCode();
    Arc.container()
        .instance(DonorService.class)
        .get()
        .register(
            new RegisterDonorRequest(
                code, "Test donor " + code, DonorKind.ORGANISATION, List.of(iban), null),
            "fixture",
            new IdempotencyKey(UUID.randomUUID().toString()));
    return code;
  }

  static void rate(String currency, String effectiveFrom, String unitsPerUsd) {
    Arc.container()
        .instance(UnoreRateService.class)
        .get()
        .record(currency, LocalDate.parse(effectiveFrom), new BigDecimal(unitsPerUsd));
  }

  static MoneyRequest money(String amount, String currency) {
    return new MoneyRequest(new BigDecimal(amount), currency);
  }

  /** Announced on 2 July 1997, committed on 15 September 1997 as "AGR-<id>"; returns its id. */
  static String committedPledge(
      String appeal, String donor, String amount, String currency, List<InstalmentRequest> parts) {
    var pledges = Arc.container().instance(PledgeService.class).get();
    var id =
        pledges
            .announce(
                new AnnouncePledgeRequest(
                    appeal,
                    donor,
                    money(amount, currency),
                    LocalDate.parse("1997-07-02"),
                    null,
                    null,
                    parts),
                DonorScope.everyone(),
                "fixture",
                Optional.empty())
            .body()
            .id();
    pledges.commit(
        id,
        new CommitPledgeRequest(agreementOf(id.toString()), LocalDate.parse("1997-09-15")),
        OptionalLong.empty(),
        "fixture");
    return id.toString();
  }

  static String committedPledge(String appeal, String donor, String amount, String currency) {
    return committedPledge(appeal, donor, amount, currency, null);
  }

  static String agreementOf(String pledgeId) {
    return "AGR-" + pledgeId.substring(0, 8).toUpperCase();
  }

  static ValidatableResponse importing(String xml) {
    return given().contentType("application/xml").body(xml).when().post("/bank-statements").then();
  }

  /**
   * Sends a statement large enough for the background import (202) and waits until the import has
   * ended; returns the statement resource then.
   */
  static ValidatableResponse importedInTheBackground(String xml) {
    String location = importing(xml).statusCode(202).extract().header("Location");
    return endOf(location);
  }

  /** The statement resource once its import has ended (IMPORTED, REFUSED or FAILED). */
  static ValidatableResponse endOf(String location) {
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInSameThread()
        .until(() -> !PENDING.contains(statusAt(location)));
    return given().when().get(location).then().statusCode(200);
  }

  static String statusAt(String location) {
    return given().when().get(location).then().statusCode(200).extract().path("status");
  }

  private static final List<String> PENDING = List.of("RECEIVED", "IMPORTING");

  /** What an import writes, all of it: nothing of it may change when a file is refused. */
  static List<Long> writtenRows() {
    return List.of(
        Db.count("select count(*) from bank_statement"),
        Db.count("select count(*) from statement_entry"),
        Db.count("select count(*) from receipt"),
        Db.count("select count(*) from allocation"),
        Db.count("select count(*) from outbox_event"));
  }
}
