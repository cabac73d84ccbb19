package org.jointappeal.pledge.bankstatement;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * camt.053 test files, built as text: one statement of our account with the entries a test names.
 * Defaults are valid; a test states only what matters to it.
 */
final class Statements {

  /** Our account at the bank (a valid Swiss IBAN). */
  static final String OUR_ACCOUNT = "CH9300762011623852957";

  static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02";

  private Statements() {}

  /** A fresh valid IBAN (German format, check digits computed) nobody else holds. */
  static String newIban() {
    var random = ThreadLocalRandom.current();
    var bban = new StringBuilder();
    for (int i = 0; i < 18; i++) {
      bban.append(random.nextInt(10));
    }
    // ISO 13616: check digits make (BBAN + "DE00" as digits) mod 97 equal 1
    var numeric = new BigInteger(bban + "1314" + "00");
    int check = 98 - numeric.mod(BigInteger.valueOf(97)).intValue();
    return "DE%02d%s".formatted(check, bban);
  }

  /** A reference no other test uses: entries are unique per account by it. */
  static String newReference() {
    return "REF-" + UUID.randomUUID().toString().substring(0, 23);
  }

  static Builder aStatement() {
    return new Builder();
  }

  static Entry aCredit(String amount, String currency) {
    return new Entry(amount, currency);
  }

  static final class Builder {
    private String id = "STMT-" + UUID.randomUUID().toString().substring(0, 20);
    private String account = OUR_ACCOUNT;
    private String namespace = NAMESPACE;
    private final List<Entry> entries = new ArrayList<>();

    Builder id(String id) {
      this.id = id;
      return this;
    }

    /** Another account of ours: its imports neither wait for nor hold up other tests' ones. */
    Builder account(String iban) {
      this.account = iban;
      return this;
    }

    Builder namespace(String namespace) {
      this.namespace = namespace;
      return this;
    }

    Builder with(Entry... more) {
      entries.addAll(List.of(more));
      return this;
    }

    String id() {
      return id;
    }

    String xml() {
      var ntries = new StringBuilder();
      for (var e : entries) {
        ntries.append(e.xml());
      }
      return """
          <?xml version="1.0" encoding="UTF-8"?>
          <Document xmlns="%s">
            <BkToCstmrStmt>
              <GrpHdr><MsgId>MSG-%s</MsgId><CreDtTm>1997-10-16T06:00:00+01:00</CreDtTm></GrpHdr>
              <Stmt>
                <Id>%s</Id>
                <CreDtTm>1997-10-16T06:00:00+01:00</CreDtTm>
                <Acct><Id><IBAN>%s</IBAN></Id></Acct>
                <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp>
                  <Amt Ccy="USD">1000000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>1997-10-15</Dt></Dt></Bal>
          %s    </Stmt>
            </BkToCstmrStmt>
          </Document>
          """
          .formatted(namespace, id, id, account, ntries);
    }
  }

  static final class Entry {
    private final String amount;
    private final String currency;
    private String reference = newReference();
    private String indicator = "CRDT";
    private String status = "<Sts>BOOK</Sts>";
    private String valueDate = "<ValDt><Dt>1997-10-15</Dt></ValDt>";
    private String payerIban;
    private String endToEndId;
    private String ustrd;
    private String creditorReference;
    private String otherScheme;
    private String otherId;
    private boolean reversal;
    private String namedReference;
    private String charges = "";
    private String bookingDate = "1997-10-15";
    private final List<String> batch = new ArrayList<>();

    private Entry(String amount, String currency) {
      this.amount = amount;
      this.currency = currency;
    }

    Entry reference(String reference) {
      this.reference = reference;
      return this;
    }

    String reference() {
      return reference;
    }

    Entry debit() {
      this.indicator = "DBIT";
      return this;
    }

    Entry pending() {
      this.status = "<Sts>PDNG</Sts>";
      return this;
    }

    /** The status as camt.053.001.08 and later write it. */
    Entry statusAsCode() {
      this.status = "<Sts><Cd>BOOK</Cd></Sts>";
      return this;
    }

    Entry valueDate(String date) {
      this.valueDate = "<ValDt><Dt>" + date + "</Dt></ValDt>";
      return this;
    }

    Entry noValueDate() {
      this.valueDate = "";
      return this;
    }

    Entry from(String iban) {
      this.payerIban = iban;
      return this;
    }

    /** The payer's account is not an IBAN: DbtrAcct/Id/Othr/Id with SchmeNm/Prtry (if given). */
    Entry fromOther(String scheme, String id) {
      this.otherScheme = scheme;
      this.otherId = id;
      return this;
    }

    /** A debit with RvslInd true: the bank reverses an earlier credit. */
    Entry reversal() {
      this.indicator = "DBIT";
      this.reversal = true;
      return this;
    }

    /** TxDtls/Refs/AcctSvcrRef: the entry an ordinary debit or a reversal names. */
    Entry naming(String entryReference) {
      this.namedReference = entryReference;
      return this;
    }

    Entry bookedOn(String date) {
      this.bookingDate = date;
      return this;
    }

    /** Ntry/Chrgs/Amt as camt.053.001.02 writes it. */
    Entry charges(String amount, String currency) {
      this.charges = "<Chrgs><Amt Ccy=\"" + currency + "\">" + amount + "</Amt></Chrgs>";
      return this;
    }

    /**
     * One transaction of a batch booking (several TxDtls, each with AmtDtls/TxAmt/Amt, its payer
     * and its EndToEndId); the entry's amount must be their sum.
     */
    Entry transaction(String amount, String currency, String iban, String endToEndId) {
      batch.add(
          ("<TxDtls><Refs><EndToEndId>%s</EndToEndId></Refs>"
                  + "<AmtDtls><TxAmt><Amt Ccy=\"%s\">%s</Amt></TxAmt></AmtDtls>"
                  + "<RltdPties><Dbtr><Nm>A payer</Nm></Dbtr><DbtrAcct><Id><IBAN>%s</IBAN></Id>"
                  + "</DbtrAcct></RltdPties></TxDtls>")
              .formatted(endToEndId, currency, amount, iban));
      return this;
    }

    Entry endToEndId(String id) {
      this.endToEndId = id;
      return this;
    }

    Entry ustrd(String text) {
      this.ustrd = text;
      return this;
    }

    Entry creditorReference(String ref) {
      this.creditorReference = ref;
      return this;
    }

    String xml() {
      var details = new StringBuilder();
      if (endToEndId != null || namedReference != null) {
        details.append("<Refs>");
        if (namedReference != null) {
          details.append("<AcctSvcrRef>").append(namedReference).append("</AcctSvcrRef>");
        }
        if (endToEndId != null) {
          details.append("<EndToEndId>").append(endToEndId).append("</EndToEndId>");
        }
        details.append("</Refs>");
      }
      if (otherId != null) {
        details
            .append("<RltdPties><Dbtr><Nm>A payer</Nm></Dbtr><DbtrAcct><Id><Othr><Id>")
            .append(otherId)
            .append("</Id>");
        if (otherScheme != null) {
          details.append("<SchmeNm><Prtry>").append(otherScheme).append("</Prtry></SchmeNm>");
        }
        details.append("</Othr></Id></DbtrAcct></RltdPties>");
      }
      if (payerIban != null) {
        details
            .append("<RltdPties><Dbtr><Nm>A payer</Nm></Dbtr><DbtrAcct><Id><IBAN>")
            .append(payerIban)
            .append("</IBAN></Id></DbtrAcct></RltdPties>");
      }
      if (ustrd != null || creditorReference != null) {
        details.append("<RmtInf>");
        if (ustrd != null) {
          details.append("<Ustrd>").append(ustrd).append("</Ustrd>");
        }
        if (creditorReference != null) {
          details
              .append("<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>")
              .append(creditorReference)
              .append("</Ref></CdtrRefInf></Strd>");
        }
        details.append("</RmtInf>");
      }
      String transactions =
          batch.isEmpty() ? "<TxDtls>" + details + "</TxDtls>" : String.join("", batch);
      return """
                <Ntry>
                  <Amt Ccy="%s">%s</Amt>
                  <CdtDbtInd>%s</CdtDbtInd>
                  %s
                  %s
                  <BookgDt><Dt>%s</Dt></BookgDt>
                  %s
                  <AcctSvcrRef>%s</AcctSvcrRef>
                  %s
                  <NtryDtls>%s</NtryDtls>
                </Ntry>
          """
          .formatted(
              currency,
              amount,
              indicator,
              reversal ? "<RvslInd>true</RvslInd>" : "",
              status,
              bookingDate,
              valueDate,
              reference,
              charges,
              transactions);
    }
  }
}
