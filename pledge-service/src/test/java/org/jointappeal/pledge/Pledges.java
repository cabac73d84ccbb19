package org.jointappeal.pledge;

import io.quarkus.arc.Arc;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.jointappeal.pledge.donor.DonorKind;
import org.jointappeal.pledge.donor.DonorService;
import org.jointappeal.pledge.donor.RegisterDonorRequest;
import org.jointappeal.pledge.fx.UnoreRateService;
import org.jointappeal.pledge.idempotency.IdempotencyKey;
import org.jointappeal.pledge.money.MoneyRequest;
import org.jointappeal.pledge.pledge.AnnouncePledgeRequest;
import org.jointappeal.pledge.pledge.CancelPledgeRequest;
import org.jointappeal.pledge.pledge.CommitPledgeRequest;
import org.jointappeal.pledge.pledge.InstalmentRequest;
import org.jointappeal.pledge.pledge.OverdueInstalments;
import org.jointappeal.pledge.pledge.PledgeService;
import org.jointappeal.pledge.pledge.WriteOffRequest;
import org.jointappeal.pledge.receipt.AllocateReceiptRequest;
import org.jointappeal.pledge.receipt.ReceiptService;
import org.jointappeal.pledge.receipt.RecordReceiptRequest;

/**
 * Test data: rates, pledges, receipts and allocations arranged through the services themselves,
 * whoever the test's HTTP caller is. Pledges are announced on 2 July 1997 and committed on 15
 * September 1997.
 */
public final class Pledges {

  public static final LocalDate ANNOUNCED_ON = LocalDate.parse("1997-07-02");
  public static final LocalDate COMMITTED_ON = LocalDate.parse("1997-09-15");

  private Pledges() {}

  private static PledgeService pledges() {
    return Arc.container().instance(PledgeService.class).get();
  }

  private static ReceiptService receipts() {
    return Arc.container().instance(ReceiptService.class).get();
  }

  public static void rate(String currency, String effectiveFrom, String unitsPerUsd) {
    Arc.container()
        .instance(UnoreRateService.class)
        .get()
        .record(currency, LocalDate.parse(effectiveFrom), new BigDecimal(unitsPerUsd));
  }

  public static MoneyRequest money(String amount, String currency) {
    return new MoneyRequest(new BigDecimal(amount), currency);
  }

  /** Instalments as due date, amount pairs: {@code schedule("NOK", "1997-09-30", "100.00", ..)}. */
  public static List<InstalmentRequest> schedule(String currency, String... dueOnAndAmount) {
    var parts = new ArrayList<InstalmentRequest>();
    for (int i = 0; i < dueOnAndAmount.length; i += 2) {
      parts.add(
          new InstalmentRequest(
              LocalDate.parse(dueOnAndAmount[i]), money(dueOnAndAmount[i + 1], currency)));
    }
    return parts;
  }

  /** An announced pledge (one instalment due at the appeal's period end when none are given). */
  public static String announced(
      String appeal,
      String donor,
      String amount,
      String currency,
      List<InstalmentRequest> instalments) {
    return pledges()
        .announce(
            new AnnouncePledgeRequest(
                appeal,
                donor,
                money(amount, currency),
                ANNOUNCED_ON,
                "Steering Group, Geneva, 2 July 1997",
                null,
                instalments),
            DonorScope.everyone(),
            "fixture",
            Optional.empty())
        .body()
        .id()
        .toString();
  }

  public static String committed(
      String appeal,
      String donor,
      String amount,
      String currency,
      List<InstalmentRequest> instalments) {
    String id = announced(appeal, donor, amount, currency, instalments);
    pledges()
        .commit(
            UUID.fromString(id),
            new CommitPledgeRequest("AGR-" + id.substring(0, 8), COMMITTED_ON),
            OptionalLong.empty(),
            "fixture");
    return id;
  }

  /** Records a receipt of the pledge's donor and allocates it all to the pledge. */
  public static String paid(
      String pledgeId, String donor, String amount, String currency, String valueDate) {
    var receipt =
        receipts()
            .record(
                new RecordReceiptRequest(
                    donor,
                    money(amount, currency),
                    LocalDate.parse(valueDate),
                    "BANK-" + UUID.randomUUID(),
                    null),
                "fixture",
                new IdempotencyKey(UUID.randomUUID().toString()))
            .body()
            .id();
    receipts()
        .allocate(
            receipt,
            new AllocateReceiptRequest(UUID.fromString(pledgeId), money(amount, currency), null),
            "fixture",
            new IdempotencyKey(UUID.randomUUID().toString()));
    return receipt.toString();
  }

  public static void cancelled(String pledgeId) {
    pledges()
        .cancel(
            UUID.fromString(pledgeId),
            new CancelPledgeRequest(LocalDate.parse("1997-08-01"), "fixture"),
            OptionalLong.empty(),
            DonorScope.everyone(),
            "fixture");
  }

  public static void writtenOff(String pledgeId, String on) {
    pledges()
        .writeOff(
            UUID.fromString(pledgeId),
            new WriteOffRequest("Balance will not be paid", LocalDate.parse(on)),
            OptionalLong.empty(),
            "fixture",
            new IdempotencyKey(UUID.randomUUID().toString()));
  }

  /** A donor no other test uses (an organisation: X..), so its figures are its test's alone. */
  public static String uniqueDonor(String name) {
    String code = Donors.uniqueOrganisationCode();
    Arc.container()
        .instance(DonorService.class)
        .get()
        .register(
            new RegisterDonorRequest(code, name, DonorKind.ORGANISATION, List.of(), null),
            "fixture",
            new IdempotencyKey(UUID.randomUUID().toString()));
    return code;
  }

  /** Runs the overdue check now, as the scheduler would (the tests switch the schedule off). */
  public static void checkOverdue() {
    Arc.container().instance(OverdueInstalments.class).get().markAll();
  }
}
