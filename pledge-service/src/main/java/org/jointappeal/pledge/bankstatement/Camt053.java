package org.jointappeal.pledge.bankstatement;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jointappeal.pledge.DomainRule;
import org.jointappeal.pledge.DomainRuleViolation;
import org.jointappeal.pledge.DomainRuleViolation.Error;
import org.jointappeal.pledge.donor.Iban;
import org.jointappeal.pledge.donor.PayerAccount;
import org.jointappeal.pledge.money.Money;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an ISO 20022 camt.053 (BankToCustomerStatement) document, any {@code camt.053.001.0x}
 * version: elements are found by local name, so the version's namespace does not matter. A document
 * type declaration is refused outright (no DTD, no entities: XXE-proof). Every fault is collected
 * with the place it was found ({@code Ntry[3]/Amt}) and the whole file is refused.
 */
final class Camt053 {

  static final String NAMESPACE_PREFIX = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.";

  /** ISO 20022 decimal: digits, an optional fraction, no sign or exponent. */
  private static final java.util.regex.Pattern DECIMAL =
      java.util.regex.Pattern.compile("[0-9]{1,18}(\\.[0-9]{1,17})?");

  private Camt053() {}

  /** A statement as the bank sent it: one {@code Stmt} per file. */
  record Statement(String id, String accountIban, Instant createdAt, List<Entry> entries) {}

  /**
   * One transaction of a {@code Ntry}. {@code position} counts entries from 1 in file order. A
   * batch booking (several {@code TxDtls}, each with its own amount) gives one {@code Entry} per
   * transaction, {@code transactionIndex} 1, 2, ...; any other entry is one {@code Entry} with
   * index 0 and the references of all its transaction details.
   *
   * @param reversal {@code RvslInd} true: the entry undoes an earlier one
   * @param relatedReferences {@code TxDtls/Refs/AcctSvcrRef}: what a reversal names
   * @param charges the bank charges ({@code Chrgs}) of the entry or transaction; null if none
   */
  record Entry(
      int position,
      int transactionIndex,
      String reference,
      Money amount,
      boolean credit,
      boolean booked,
      boolean reversal,
      LocalDate valueDate,
      LocalDate bookingDate,
      String debtorIban,
      PayerAccount debtorAccount,
      List<String> endToEndIds,
      List<String> remittanceTexts,
      List<String> creditorReferences,
      List<String> relatedReferences,
      Money charges) {

    /** The business date of a reversal: its booking date, else its value date. */
    LocalDate reversalDate() {
      return bookingDate != null ? bookingDate : valueDate;
    }
  }

  static Statement parse(byte[] xml) {
    var root = read(xml).getDocumentElement();
    var errors = new ArrayList<Error>();
    String ns = root.getNamespaceURI();
    if (!"Document".equals(root.getLocalName()) || ns == null || !ns.startsWith(NAMESPACE_PREFIX)) {
      throw invalid(
          List.of(
              new Error(
                  root.getLocalName() == null ? root.getNodeName() : root.getLocalName(),
                  "the root must be Document in namespace " + NAMESPACE_PREFIX + "0x")));
    }
    var toCustomer = child(root, "BkToCstmrStmt");
    if (toCustomer.isEmpty()) {
      throw invalid(List.of(new Error("Document", "BkToCstmrStmt is missing")));
    }
    var statements = children(toCustomer.get(), "Stmt");
    if (statements.size() != 1) {
      throw invalid(
          List.of(
              new Error("BkToCstmrStmt", "exactly one Stmt per file, found " + statements.size())));
    }
    var stmt = statements.get(0);
    String id = text(stmt, "Id").orElse(null);
    if (id == null || id.isBlank() || id.length() > 35) {
      errors.add(new Error("Stmt/Id", "missing, or longer than 35 characters"));
    }
    String iban = null;
    var rawIban = text(stmt, "Acct", "Id", "IBAN");
    if (rawIban.isEmpty()) {
      errors.add(new Error("Stmt/Acct/Id/IBAN", "missing: statements of IBAN accounts only"));
    } else {
      iban = iban(rawIban.get(), "Stmt/Acct/Id/IBAN", errors);
    }
    Instant createdAt = null;
    var created = text(stmt, "CreDtTm");
    if (created.isPresent()) {
      try {
        createdAt = OffsetDateTime.parse(created.get()).toInstant();
      } catch (DateTimeParseException e) {
        // some banks write local time without an offset: it is only informative, keep none
        createdAt = null;
      }
    }
    var entries = new ArrayList<Entry>();
    var ntries = children(stmt, "Ntry");
    for (int i = 0; i < ntries.size(); i++) {
      entries.addAll(entry(ntries.get(i), i + 1, errors));
    }
    if (!errors.isEmpty()) {
      throw invalid(errors);
    }
    return new Statement(id.trim(), iban, createdAt, List.copyOf(entries));
  }

  private static List<Entry> entry(Element ntry, int position, List<Error> errors) {
    String at = "Ntry[" + position + "]";
    int before = errors.size();
    String reference =
        text(ntry, "AcctSvcrRef").or(() -> text(ntry, "NtryRef")).map(String::trim).orElse(null);
    if (reference == null || reference.isEmpty() || reference.length() > 35) {
      errors.add(
          new Error(at + "/AcctSvcrRef", "AcctSvcrRef or NtryRef is required (1 to 35 chars)"));
    }
    Money amount = null;
    var amt = child(ntry, "Amt");
    if (amt.isEmpty()) {
      errors.add(new Error(at + "/Amt", "missing"));
    } else {
      amount = money(amt.get(), at + "/Amt", errors);
    }
    String indicator = text(ntry, "CdtDbtInd").orElse("");
    if (!indicator.equals("CRDT") && !indicator.equals("DBIT")) {
      errors.add(new Error(at + "/CdtDbtInd", "must be CRDT or DBIT"));
    }
    // camt.053.001.02 writes <Sts>BOOK</Sts>, later versions <Sts><Cd>BOOK</Cd></Sts>
    String status = text(ntry, "Sts", "Cd").or(() -> text(ntry, "Sts")).orElse("");
    if (status.isEmpty()) {
      errors.add(new Error(at + "/Sts", "missing"));
    }
    boolean credit = indicator.equals("CRDT");
    boolean booked = status.equals("BOOK");
    boolean reversal =
        text(ntry, "RvslInd").map(r -> r.equals("true") || r.equals("1")).orElse(false);
    LocalDate valueDate = null;
    var rawValueDate = text(ntry, "ValDt", "Dt").or(() -> text(ntry, "ValDt", "DtTm"));
    if (credit && booked && !reversal && rawValueDate.isEmpty()) {
      // value date, not booking date: the UNORE in force when the funds arrived values them
      errors.add(new Error(at + "/ValDt", "a booked credit needs ValDt/Dt or ValDt/DtTm"));
    } else if (rawValueDate.isPresent()) {
      valueDate = date(rawValueDate.get(), at + "/ValDt", errors);
    }
    LocalDate bookingDate =
        text(ntry, "BookgDt", "Dt")
            .or(() -> text(ntry, "BookgDt", "DtTm"))
            .map(raw -> date(raw, at + "/BookgDt", errors))
            .orElse(null);
    if (booked && !credit && reversal && bookingDate == null && valueDate == null) {
      errors.add(
          new Error(at + "/BookgDt", "a reversal needs BookgDt or ValDt: its business date"));
    }
    Money entryCharges = charges(ntry, at, errors);
    var details = child(ntry, "NtryDtls").map(d -> children(d, "TxDtls")).orElse(List.of());
    var found = new ArrayList<Entry>();
    boolean batch =
        credit
            && !reversal
            && details.size() > 1
            && details.stream().allMatch(d -> transactionAmount(d).isPresent());
    if (batch) {
      BigDecimal sum = BigDecimal.ZERO;
      for (int t = 0; t < details.size(); t++) {
        var d = details.get(t);
        String txAt = at + "/NtryDtls/TxDtls[" + (t + 1) + "]";
        var txAmount = money(transactionAmount(d).get(), txAt + "/Amt", errors);
        if (txAmount != null && amount != null && !txAmount.isIn(amount.currency())) {
          errors.add(new Error(txAt + "/Amt", "not in the entry's currency " + amount.currency()));
        } else if (txAmount != null) {
          sum = sum.add(txAmount.amount());
        }
        var parts = new Parts();
        parts.take(d, txAt, errors);
        found.add(
            new Entry(
                position,
                t + 1,
                reference,
                txAmount,
                credit,
                booked,
                false,
                valueDate,
                bookingDate,
                parts.debtorIban,
                parts.debtorAccount,
                List.copyOf(parts.endToEnd),
                List.copyOf(parts.remittance),
                List.copyOf(parts.creditorRefs),
                List.copyOf(parts.related),
                charges(d, txAt, errors)));
      }
      if (amount != null && errors.size() == before && sum.compareTo(amount.amount()) != 0) {
        errors.add(
            new Error(
                at + "/Amt",
                "the batch's transaction amounts add up to %s, the entry is %s"
                    .formatted(sum.toPlainString(), amount.amount().toPlainString())));
      }
    } else {
      var parts = new Parts();
      for (int t = 0; t < details.size(); t++) {
        parts.take(details.get(t), at + "/NtryDtls/TxDtls", errors);
      }
      Money charges = entryCharges;
      for (int t = 0; t < details.size(); t++) {
        charges =
            plus(charges, charges(details.get(t), at + "/NtryDtls/TxDtls", errors), at, errors);
      }
      found.add(
          new Entry(
              position,
              0,
              reference,
              amount,
              credit,
              booked,
              reversal,
              valueDate,
              bookingDate,
              parts.debtorIban,
              parts.debtorAccount,
              List.copyOf(parts.endToEnd),
              List.copyOf(parts.remittance),
              List.copyOf(parts.creditorRefs),
              List.copyOf(parts.related),
              charges));
    }
    if (errors.size() > before) {
      return List.of();
    }
    return found;
  }

  /** What the transaction details of one entry (or one transaction of a batch) say. */
  private static final class Parts {
    String debtorIban;
    PayerAccount debtorAccount;
    final List<String> endToEnd = new ArrayList<>();
    final List<String> remittance = new ArrayList<>();
    final List<String> creditorRefs = new ArrayList<>();
    final List<String> related = new ArrayList<>();

    void take(Element details, String at, List<Error> errors) {
      text(details, "Refs", "EndToEndId")
          .filter(r -> !r.isBlank() && !r.equals("NOTPROVIDED"))
          .ifPresent(endToEnd::add);
      text(details, "Refs", "AcctSvcrRef").filter(r -> !r.isBlank()).ifPresent(related::add);
      child(details, "RmtInf")
          .ifPresent(
              rmt -> {
                children(rmt, "Ustrd").forEach(u -> remittance.add(u.getTextContent().trim()));
                for (var strd : children(rmt, "Strd")) {
                  text(strd, "CdtrRefInf", "Ref").ifPresent(creditorRefs::add);
                }
              });
      if (debtorIban != null || debtorAccount != null) {
        return;
      }
      var rawIban = text(details, "RltdPties", "DbtrAcct", "Id", "IBAN");
      if (rawIban.isPresent()) {
        debtorIban = iban(rawIban.get(), at + "/RltdPties/DbtrAcct/Id/IBAN", errors);
        return;
      }
      var other =
          child(details, "RltdPties")
              .flatMap(p -> child(p, "DbtrAcct"))
              .flatMap(a -> child(a, "Id"))
              .flatMap(id -> child(id, "Othr"));
      if (other.isPresent()) {
        var id = text(other.get(), "Id");
        var scheme =
            text(other.get(), "SchmeNm", "Cd").or(() -> text(other.get(), "SchmeNm", "Prtry"));
        if (id.isEmpty()) {
          errors.add(new Error(at + "/RltdPties/DbtrAcct/Id/Othr/Id", "missing"));
          return;
        }
        try {
          debtorAccount = PayerAccount.of(scheme.orElse(null), id.get());
        } catch (DomainRuleViolation e) {
          errors.add(new Error(at + "/RltdPties/DbtrAcct/Id/Othr", e.getMessage()));
        }
      }
    }
  }

  /** {@code TxDtls/Amt} (camt.053.001.04 and later) or {@code TxDtls/AmtDtls/TxAmt/Amt}. */
  private static Optional<Element> transactionAmount(Element details) {
    return child(details, "Amt")
        .or(
            () ->
                child(details, "AmtDtls")
                    .flatMap(a -> child(a, "TxAmt"))
                    .flatMap(a -> child(a, "Amt")));
  }

  /**
   * The charges of an entry or transaction: {@code Chrgs/Rcrd/Amt} (camt.053.001.03 and later) or
   * {@code Chrgs/Amt} (001.02), summed; null if none. All in one currency.
   */
  private static Money charges(Element of, String at, List<Error> errors) {
    Money total = null;
    for (var chrgs : children(of, "Chrgs")) {
      var records = children(chrgs, "Rcrd");
      var amounts = new ArrayList<Element>();
      if (records.isEmpty()) {
        child(chrgs, "Amt").ifPresent(amounts::add);
      } else {
        records.forEach(r -> child(r, "Amt").ifPresent(amounts::add));
      }
      for (var a : amounts) {
        total = plus(total, money(a, at + "/Chrgs", errors), at, errors);
      }
    }
    return total;
  }

  private static Money plus(Money total, Money more, String at, List<Error> errors) {
    if (more == null) {
      return total;
    }
    if (total == null) {
      return more;
    }
    if (!more.isIn(total.currency())) {
      errors.add(new Error(at + "/Chrgs", "charges in more than one currency"));
      return total;
    }
    return Money.of(total.amount().add(more.amount()), total.currency());
  }

  private static LocalDate date(String raw, String at, List<Error> errors) {
    try {
      return LocalDate.parse(raw.length() > 10 ? raw.substring(0, 10) : raw);
    } catch (DateTimeParseException e) {
      errors.add(new Error(at, "not an ISO date"));
      return null;
    }
  }

  private static Money money(Element amt, String at, List<Error> errors) {
    String currency = amt.getAttribute("Ccy");
    String raw = amt.getTextContent().trim();
    if (!DECIMAL.matcher(raw).matches()) {
      errors.add(new Error(at, "not a decimal amount"));
      return null;
    }
    var value = new BigDecimal(raw);
    if (value.signum() <= 0) {
      // the direction is CdtDbtInd's job: an amount is always positive in camt.053
      errors.add(new Error(at, "must be positive"));
      return null;
    }
    try {
      return Money.of(value, currency);
    } catch (DomainRuleViolation e) {
      errors.add(new Error(at, e.getMessage()));
      return null;
    }
  }

  private static String iban(String raw, String at, List<Error> errors) {
    try {
      return Iban.normalise(raw);
    } catch (DomainRuleViolation e) {
      errors.add(new Error(at, e.getMessage()));
      return null;
    }
  }

  private static Document read(byte[] xml) {
    try {
      var factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      // no DOCTYPE at all: no external entities, no entity expansion bombs
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      // and, should that ever be lifted, still nothing external
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      var builder = factory.newDocumentBuilder();
      builder.setErrorHandler(new DefaultHandler()); // errors throw; nothing printed to stderr
      return builder.parse(new ByteArrayInputStream(xml));
    } catch (SAXException e) {
      throw new UnreadableStatement(e.getMessage());
    } catch (IOException e) {
      // read from memory, so only the bytes themselves can fail: an encoding the XML declaration
      // names that this JVM does not have (UnsupportedEncodingException), or bytes that are not
      // in the declared encoding (CharConversionException)
      throw new UnreadableStatement("the statement cannot be decoded: " + e.getMessage());
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the XML parser cannot be set up", e);
    }
  }

  private static DomainRuleViolation invalid(List<Error> errors) {
    var first = errors.get(0);
    return DomainRuleViolation.of(
        DomainRule.INVALID_BANK_STATEMENT,
        "the statement has %d error%s, first at %s: %s; nothing was imported"
            .formatted(
                errors.size(), errors.size() == 1 ? "" : "s", first.field(), first.message()),
        errors);
  }

  private static List<Element> children(Element parent, String localName) {
    var found = new ArrayList<Element>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && localName.equals(e.getLocalName())) {
        found.add(e);
      }
    }
    return found;
  }

  private static Optional<Element> child(Element parent, String localName) {
    var found = children(parent, localName);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** The trimmed text at a path of child elements; empty when a step is missing. */
  private static Optional<String> text(Element from, String... path) {
    Element at = from;
    for (String step : path) {
      var next = child(at, step);
      if (next.isEmpty()) {
        return Optional.empty();
      }
      at = next.get();
    }
    return hasElementChild(at) ? Optional.empty() : Optional.of(at.getTextContent().trim());
  }

  private static boolean hasElementChild(Element e) {
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element) {
        return true;
      }
    }
    return false;
  }
}
