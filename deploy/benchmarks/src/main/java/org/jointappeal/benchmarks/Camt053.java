package org.jointappeal.benchmarks;

import java.time.LocalDate;
import java.util.List;

/**
 * A generated ISO 20022 camt.053.001.02 bank statement: one account, booked credit entries of USD
 * 250.00 from one payer IBAN whose remittance information names a pledge by its id (as a donor's
 * treasury would quote it), and one entry in ten naming nothing we know, as real statements have.
 */
final class Camt053 {

  static final String ACCOUNT_IBAN = "NO9386011117947";
  static final String PAYER_IBAN = "SE4550000000058398257466";
  static final String CREDIT = "250.00";

  private Camt053() {}

  /**
   * {@code entries} entries; the named ones take the pledges in turn, each {@code timesEach} times
   * running (four credits of 250.00 pay a pledge of 1,000.00).
   */
  static String statement(String statementId, int entries, List<String> pledgeIds, int timesEach) {
    LocalDate booked = LocalDate.of(1997, 10, 1);
    // compact: 10,000 entries must stay well below the service's 10 MB request limit
    StringBuilder xml = new StringBuilder(entries * 700 + 1000);
    xml.append(
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
        <GrpHdr><MsgId>%s</MsgId><CreDtTm>1997-10-02T06:00:00</CreDtTm></GrpHdr>
        <Stmt><Id>%s</Id><CreDtTm>1997-10-02T06:00:00</CreDtTm>
        <Acct><Id><IBAN>%s</IBAN></Id><Ccy>USD</Ccy></Acct>
        """
            .formatted(statementId, statementId, ACCOUNT_IBAN));
    int named = 0;
    for (int i = 0; i < entries; i++) {
      String reference;
      if (!pledgeIds.isEmpty() && i % 10 != 9) {
        reference = "Pledge " + pledgeIds.get((named++ / timesEach) % pledgeIds.size());
      } else {
        reference = "Contribution, see letter " + i;
      }
      xml.append(
          """
          <Ntry><Amt Ccy="USD">%s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>\
          <BookgDt><Dt>%s</Dt></BookgDt><ValDt><Dt>%s</Dt></ValDt><AcctSvcrRef>%s-%06d</AcctSvcrRef>\
          <NtryDtls><TxDtls><Refs><EndToEndId>E2E-%s-%06d</EndToEndId></Refs>\
          <RltdPties><Dbtr><Nm>Benchmark donor treasury</Nm></Dbtr><DbtrAcct><Id><IBAN>%s</IBAN></Id></DbtrAcct></RltdPties>\
          <RmtInf><Ustrd>%s</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
          """
              .formatted(
                  CREDIT, booked, booked, statementId, i, statementId, i, PAYER_IBAN, reference));
    }
    xml.append("</Stmt></BkToCstmrStmt></Document>\n");
    return xml.toString();
  }
}
