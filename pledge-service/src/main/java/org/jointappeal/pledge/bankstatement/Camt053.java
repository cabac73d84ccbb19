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
   * One {@code Ntry}. {@code position} counts from 1 in file order; references of all its
   * transaction details are kept (a batch booking may have several).
   */
  record Entry(
      int position,
      String reference,
      Money amount,
      boolean credit,
      boolean booked,
      LocalDate valueDate,
      String debtorIban,
      List<String> endToEndIds,
      List<String> remittanceTexts,
      List<String> creditorReferences) {}

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
      entry(ntries.get(i), i + 1, errors).ifPresent(entries::add);
    }
    if (!errors.isEmpty()) {
      throw invalid(errors);
    }
    return new Statement(id.trim(), iban, createdAt, List.copyOf(entries));
  }

  private static Optional<Entry> entry(Element ntry, int position, List<Error> errors) {
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
    LocalDate valueDate = null;
    if (credit && booked) {
      // value date, not booking date: the UNORE in force when the funds arrived values them
      var raw = text(ntry, "ValDt", "Dt").or(() -> text(ntry, "ValDt", "DtTm"));
      if (raw.isEmpty()) {
        errors.add(new Error(at + "/ValDt", "a booked credit needs ValDt/Dt or ValDt/DtTm"));
      } else {
        try {
          valueDate =
              LocalDate.parse(raw.get().length() > 10 ? raw.get().substring(0, 10) : raw.get());
        } catch (DateTimeParseException e) {
          errors.add(new Error(at + "/ValDt", "not an ISO date"));
        }
      }
    }
    String debtorIban = null;
    var endToEnd = new ArrayList<String>();
    var remittance = new ArrayList<String>();
    var creditorRefs = new ArrayList<String>();
    for (var details : child(ntry, "NtryDtls").map(d -> children(d, "TxDtls")).orElse(List.of())) {
      text(details, "Refs", "EndToEndId")
          .filter(r -> !r.isBlank() && !r.equals("NOTPROVIDED"))
          .ifPresent(endToEnd::add);
      child(details, "RmtInf")
          .ifPresent(
              rmt -> {
                children(rmt, "Ustrd").forEach(u -> remittance.add(u.getTextContent().trim()));
                for (var strd : children(rmt, "Strd")) {
                  text(strd, "CdtrRefInf", "Ref").ifPresent(creditorRefs::add);
                }
              });
      var rawDebtor = text(details, "RltdPties", "DbtrAcct", "Id", "IBAN");
      if (debtorIban == null && rawDebtor.isPresent()) {
        debtorIban =
            iban(rawDebtor.get(), at + "/NtryDtls/TxDtls/RltdPties/DbtrAcct/Id/IBAN", errors);
      }
    }
    if (errors.size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new Entry(
            position,
            reference,
            amount,
            credit,
            booked,
            valueDate,
            debtorIban,
            List.copyOf(endToEnd),
            List.copyOf(remittance),
            List.copyOf(creditorRefs)));
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
