package org.jointappeal.benchmarks;

import java.time.LocalDate;
import java.util.List;

/**
 * A generated ISO 20022 camt.053.001.02 bank statement: one account, credit entries of booked money
 * whose remittance information names a pledge (as a donor's treasury would write it), and a share
 * of entries naming nothing we know, as real statements have.
 */
final class Camt053 {

  static final String IBAN = "NO9386011117947";
  private static final String DONOR_IBAN = "SE4550000000058398257466";

  private Camt053() {}

  /** {@code entries} entries; entry i names {@code pledgeIds.get(i % size)} unless i % 10 == 9. */
  static String statement(String statementId, int entries, List<String> pledgeIds) {
    LocalDate booked = LocalDate.of(1997, 10, 1);
    StringBuilder xml = new StringBuilder(entries * 900 + 1000);
    xml.append(
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
          <BkToCstmrStmt>
            <GrpHdr><MsgId>%s</MsgId><CreDtTm>1997-10-02T06:00:00</CreDtTm></GrpHdr>
            <Stmt>
              <Id>%s</Id>
              <CreDtTm>1997-10-02T06:00:00</CreDtTm>
              <Acct><Id><IBAN>%s</IBAN></Id><Ccy>USD</Ccy></Acct>
        """
            .formatted(statementId, statementId, IBAN));
    for (int i = 0; i < entries; i++) {
      boolean named = !pledgeIds.isEmpty() && i % 10 != 9;
      String reference = named ? pledgeIds.get(i % pledgeIds.size()) : "UNKNOWN-" + i;
      xml.append(
          """
                <Ntry>
                  <Amt Ccy="USD">250.00</Amt>
                  <CdtDbtInd>CRDT</CdtDbtInd>
                  <Sts>BOOK</Sts>
                  <BookgDt><Dt>%s</Dt></BookgDt>
                  <ValDt><Dt>%s</Dt></ValDt>
                  <AcctSvcrRef>%s-%06d</AcctSvcrRef>
                  <NtryDtls><TxDtls>
                    <Refs><EndToEndId>E2E-%06d</EndToEndId></Refs>
                    <RltdPties><Dbtr><Nm>Donor treasury</Nm></Dbtr><DbtrAcct><Id><IBAN>%s</IBAN></Id></DbtrAcct></RltdPties>
                    <RmtInf><Ustrd>Pledge %s</Ustrd></RmtInf>
                  </TxDtls></NtryDtls>
                </Ntry>
          """
              .formatted(booked, booked, statementId, i, i, DONOR_IBAN, reference));
    }
    xml.append(
        """
            </Stmt>
          </BkToCstmrStmt>
        </Document>
        """);
    return xml.toString();
  }
}
