package org.jointappeal.pledge.bankstatement;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jointappeal.pledge.donor.PayerAccount;
import org.jointappeal.pledge.money.Money;

/**
 * A statement credit waiting for a finance officer: its receipt (if the payer is known) is not
 * allocated yet. Resolved by {@code POST /receipts/{receiptId}/allocations}; an unidentified one
 * first by naming the donor.
 */
public record UnmatchedReceiptView(
    @Schema(description = "The statement entry's id") UUID id,
    UUID bankStatementId,
    @Schema(example = "NDEA-19971015-0042") String entryReference,
    Money amount,
    LocalDate valueDate,
    @Schema(description = "UNMATCHED (a receipt exists) or UNIDENTIFIED (no donor holds the IBAN)")
        EntryMatching matching,
    @Schema(example = "NOR") String donorCode,
    UUID receiptId,
    @Schema(description = "RltdPties/DbtrAcct/Id/IBAN, when the bank gave it") String payerIban,
    @Schema(
            description =
                "RltdPties/DbtrAcct/Id/Othr (a US routing + account, BBAN, Zengin...), when the"
                    + " bank gave it")
        PayerAccount payerAccount,
    @Schema(
            description =
                "Whether the payer's account (IBAN or other) is registered for no donor: POST"
                    + " /unmatched-receipts/{id}/payer-account registers it for the donor named")
        boolean payerAccountRegistrable,
    @Schema(description = "Chrgs: bank charges deducted, when the bank gave them") Money charges,
    String endToEndId,
    String remittanceText,
    String creditorReference,
    @Schema(description = "Candidate pledges, best first") List<Suggestion> suggestions) {

  public record Suggestion(
      UUID pledgeId,
      String appealCode,
      @Schema(example = "NOR") String donorCode,
      @Schema(description = "The instalment the amount matched; null: the pledge as a whole")
          Integer instalmentNumber,
      @Schema(description = "What the pledge (or instalment) still expects") Money outstanding,
      PledgeMatcher.Reason reason,
      @Schema(description = "0 to 100: 100 a reference, 90 an exact amount", example = "90")
          int score,
      @Schema(description = "Whether the allocation rules would take it as it is")
          boolean allocatable,
      @Schema(description = "What to allocate: the credit, at most what is outstanding")
          Money amountToAllocate,
      @Schema(
              description =
                  "When the credit falls short of what is outstanding by no more than its bank"
                      + " charges: the shortfall to write off (POST /pledges/{id}/write-offs)")
          Money suggestedWriteOff,
      String detail) {

    static Suggestion of(PledgeMatcher.Candidate c, Money charges) {
      return new Suggestion(
          c.pledge().id(),
          c.pledge().appealCode(),
          c.pledge().donorCode().value(),
          c.instalmentNumber(),
          c.outstanding(),
          c.reason(),
          c.score(),
          c.allocatable(),
          c.allocate(),
          shortfall(c, charges),
          c.detail());
    }

    /** What is left outstanding after the allocation, when the charges explain it. */
    private static Money shortfall(PledgeMatcher.Candidate c, Money charges) {
      if (charges == null
          || c.allocate() == null
          || c.outstanding() == null
          || !charges.isIn(c.allocate().currency())
          || !c.outstanding().isIn(c.allocate().currency())) {
        return null;
      }
      var gap = c.outstanding().amount().subtract(c.allocate().amount());
      return gap.signum() > 0 && gap.compareTo(charges.amount()) <= 0
          ? Money.of(gap, c.allocate().currency())
          : null;
    }
  }

  static UnmatchedReceiptView of(
      StatementEntry e, List<PledgeMatcher.Candidate> candidates, boolean accountRegistrable) {
    return new UnmatchedReceiptView(
        e.id(),
        e.bankStatementId(),
        e.entryReference(),
        e.amount(),
        e.valueDate(),
        e.matching(),
        e.donorCode() == null ? null : e.donorCode().value(),
        e.receiptId(),
        e.debtorIban(),
        e.debtorAccount(),
        accountRegistrable,
        e.charges(),
        e.endToEndId(),
        e.remittanceText(),
        e.creditorReference(),
        candidates.stream().map(c -> Suggestion.of(c, e.charges())).toList());
  }
}
