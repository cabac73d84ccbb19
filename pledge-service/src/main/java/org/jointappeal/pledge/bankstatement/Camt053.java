package org.jointappeal.pledge.bankstatement;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jointappeal.pledge.DomainRule;
import org.jointappeal.pledge.DomainRuleViolation;
import org.jointappeal.pledge.DomainRuleViolation.Error;
import org.jointappeal.pledge.donor.Iban;
import org.jointappeal.pledge.donor.PayerAccount;
import org.jointappeal.pledge.money.Money;

/**
 * Reads an ISO 20022 camt.053 (BankToCustomerStatement) document, any {@code camt.053.001.0x}
 * version: elements are found by local name, so the version's namespace does not matter. A document
 * type declaration is refused outright (no DTD, no entities: XXE-proof). Every fault is collected
 * with the place it was found ({@code Ntry[3]/Amt}) and the whole file is refused.
 *
 * <p>The file is streamed (StAX): only one {@code Ntry} at a time is held as a small tree, so a
 * statement of tens of thousands of entries never becomes a document in memory. An import reads it
 * twice: {@link #scan} checks all of it and counts its entries before anything is written, then
 * {@link #read} hands the same entries, one by one, to the import.
 */
final class Camt053 {

  static final String NAMESPACE_PREFIX = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.";

  /** ISO 20022 decimal: digits, an optional fraction, no sign or exponent. */
  private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,18}(\\.[0-9]{1,17})?");

  private static final XMLInputFactory XML = secureFactory();

  private Camt053() {}

  /** What a statement says about itself: {@code Stmt/Id}, our account, when the bank made it. */
  record Header(String id, String accountIban, Instant createdAt) {}

  /** A statement checked whole: its header and how many entries ({@link Entry}) it has. */
  record Scanned(Header header, int entries) {}

  /** A statement as the bank sent it, all entries in memory: for small files and tests. */
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

  /**
   * Checks the whole file and counts its entries, writing nothing: a file refused here (400 or 422)
   * is refused before the import begins.
   */
  static Scanned scan(byte[] xml) {
    int[] entries = {0};
    var header = read(xml, entry -> entries[0]++);
    return new Scanned(header, entries[0]);
  }

  /** The whole statement in memory. */
  static Statement parse(byte[] xml) {
    var entries = new ArrayList<Entry>();
    var header = read(xml, entries::add);
    return new Statement(
        header.id(), header.accountIban(), header.createdAt(), List.copyOf(entries));
  }

  /**
   * Streams the statement's entries in file order to {@code each} and returns its header. From the
   * first fault on no entry is handed on, but the rest of the file is still read, so that the
   * refusal names every fault; entries handed on before it are the caller's to undo (an import
   * scans the file first, so it never meets one).
   */
  static Header read(byte[] xml, Consumer<Entry> each) {
    XMLStreamReader reader;
    try {
      reader = XML.createXMLStreamReader(new ByteArrayInputStream(xml));
    } catch (XMLStreamException e) {
      throw new UnreadableStatement(message(e));
    }
    try {
      return document(reader, each);
    } catch (XMLStreamException e) {
      throw new UnreadableStatement(message(e));
    } finally {
      try {
        reader.close();
      } catch (XMLStreamException e) {
        // nothing to release: the file is in memory
      }
    }
  }

  private static Header document(XMLStreamReader r, Consumer<Entry> each)
      throws XMLStreamException {
    if (!nextChild(r)) {
      throw new UnreadableStatement("the file has no root element");
    }
    String root = r.getLocalName();
    String ns = r.getNamespaceURI();
    if (!"Document".equals(root) || ns == null || !ns.startsWith(NAMESPACE_PREFIX)) {
      skipRest(r); // not well-formed further on: that is the first thing to say
      throw invalid(
          List.of(
              new Error(
                  root, "the root must be Document in namespace " + NAMESPACE_PREFIX + "0x")));
    }
    var errors = new ArrayList<Error>();
    Header header = null;
    boolean toCustomer = false;
    int statements = 0;
    while (nextChild(r)) {
      if (!toCustomer && r.getLocalName().equals("BkToCstmrStmt")) {
        toCustomer = true;
        while (nextChild(r)) {
          if (r.getLocalName().equals("Stmt") && ++statements == 1) {
            header = statement(r, each, errors);
          } else {
            skipElement(r);
          }
        }
      } else {
        skipElement(r);
      }
    }
    skipRest(r);
    if (!toCustomer) {
      throw invalid(List.of(new Error("Document", "BkToCstmrStmt is missing")));
    }
    if (statements != 1) {
      throw invalid(
          List.of(new Error("BkToCstmrStmt", "exactly one Stmt per file, found " + statements)));
    }
    if (!errors.isEmpty()) {
      throw invalid(errors);
    }
    return header;
  }

  /** The one {@code Stmt}: its entries streamed, its other (small) children kept for the header. */
  private static Header statement(XMLStreamReader r, Consumer<Entry> each, List<Error> errors)
      throws XMLStreamException {
    var stmt = new Node("Stmt", null);
    int position = 0;
    while (nextChild(r)) {
      if (r.getLocalName().equals("Ntry")) {
        var found = entry(tree(r), ++position, errors);
        if (errors.isEmpty()) {
          found.forEach(each);
        }
      } else {
        stmt.children.add(tree(r));
      }
    }
    var headerErrors = new ArrayList<Error>();
    var header = header(stmt, headerErrors);
    errors.addAll(0, headerErrors);
    return header;
  }

  private static Header header(Node stmt, List<Error> errors) {
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
    return new Header(id == null ? null : id.trim(), iban, createdAt);
  }

  private static List<Entry> entry(Node ntry, int position, List<Error> errors) {
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
            parts.entry(
                position,
                t + 1,
                reference,
                txAmount,
                credit,
                booked,
                false,
                valueDate,
                bookingDate,
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
          parts.entry(
              position,
              0,
              reference,
              amount,
              credit,
              booked,
              reversal,
              valueDate,
              bookingDate,
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

    /** The entry (or one transaction of a batch) with the parties and references taken. */
    Entry entry(
        int position,
        int transactionIndex,
        String reference,
        Money amount,
        boolean credit,
        boolean booked,
        boolean reversal,
        LocalDate valueDate,
        LocalDate bookingDate,
        Money charges) {
      return new Entry(
          position,
          transactionIndex,
          reference,
          amount,
          credit,
          booked,
          reversal,
          valueDate,
          bookingDate,
          debtorIban,
          debtorAccount,
          List.copyOf(endToEnd),
          List.copyOf(remittance),
          List.copyOf(creditorRefs),
          List.copyOf(related),
          charges);
    }

    void take(Node details, String at, List<Error> errors) {
      text(details, "Refs", "EndToEndId")
          .filter(r -> !r.isBlank() && !r.equals("NOTPROVIDED"))
          .ifPresent(endToEnd::add);
      text(details, "Refs", "AcctSvcrRef").filter(r -> !r.isBlank()).ifPresent(related::add);
      child(details, "RmtInf")
          .ifPresent(
              rmt -> {
                children(rmt, "Ustrd").forEach(u -> remittance.add(u.textContent().trim()));
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
  private static Optional<Node> transactionAmount(Node details) {
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
  private static Money charges(Node of, String at, List<Error> errors) {
    Money total = null;
    for (var chrgs : children(of, "Chrgs")) {
      var records = children(chrgs, "Rcrd");
      var amounts = new ArrayList<Node>();
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

  private static Money money(Node amt, String at, List<Error> errors) {
    String currency = amt.attribute("Ccy");
    String raw = amt.textContent().trim();
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

  private static DomainRuleViolation invalid(List<Error> errors) {
    var first = errors.get(0);
    return DomainRuleViolation.of(
        DomainRule.INVALID_BANK_STATEMENT,
        "the statement has %d error%s, first at %s: %s; nothing was imported"
            .formatted(
                errors.size(), errors.size() == 1 ? "" : "s", first.field(), first.message()),
        errors);
  }

  /** The JDK's own StAX parser, whatever else is on the class path, with no DTD and no entities. */
  private static XMLInputFactory secureFactory() {
    var factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    // no DOCTYPE is read at all (one is refused on sight): no external entities, no entity bombs
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    // one text event per run of text
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    return factory;
  }

  /** How deep a {@code Ntry} may nest: camt.053 needs about ten levels. */
  private static final int MAX_DEPTH = 64;

  /**
   * Moves to the next child element of the element the reader is in; false at that element's end.
   */
  private static boolean nextChild(XMLStreamReader r) throws XMLStreamException {
    while (r.hasNext()) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        return true;
      }
      if (event == XMLStreamConstants.END_ELEMENT) {
        return false;
      }
      refuseDtd(event);
    }
    return false;
  }

  /** From an element's start to its end, reading (and so checking) everything in between. */
  private static void skipElement(XMLStreamReader r) throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  /** To the end of the document: what follows must be well-formed too. */
  private static void skipRest(XMLStreamReader r) throws XMLStreamException {
    while (r.hasNext()) {
      refuseDtd(r.next());
    }
  }

  private static void refuseDtd(int event) {
    if (event == XMLStreamConstants.DTD) {
      throw new UnreadableStatement(
          "a document type declaration (DOCTYPE) is refused: no DTDs, no entities");
    }
  }

  /** The element the reader is at, with all it contains, as a small tree. */
  private static Node tree(XMLStreamReader r) throws XMLStreamException {
    var top = Node.at(r);
    var open = new ArrayDeque<Node>();
    open.push(top);
    while (!open.isEmpty()) {
      switch (r.next()) {
        case XMLStreamConstants.START_ELEMENT -> {
          if (open.size() == MAX_DEPTH) {
            throw new UnreadableStatement(
                "elements nested deeper than %d levels in %s".formatted(MAX_DEPTH, top.localName));
          }
          var child = Node.at(r);
          open.peek().children.add(child);
          open.push(child);
        }
        case XMLStreamConstants.END_ELEMENT -> open.pop();
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
            open.peek().text.append(r.getText());
        default -> {
          // comments and processing instructions say nothing
        }
      }
    }
    return top;
  }

  /** The parser's own message, with the line and column it stopped at. */
  private static String message(XMLStreamException e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    int at = message.indexOf("Message: ");
    String what = at >= 0 ? message.substring(at + "Message: ".length()) : message;
    var location = e.getLocation();
    return location == null || location.getLineNumber() < 0
        ? what
        : "line %d, column %d: %s"
            .formatted(location.getLineNumber(), location.getColumnNumber(), what);
  }

  /** One element: its local name (namespaces do not matter), attributes, text and children. */
  private static final class Node {
    final String localName;
    private final Map<String, String> attributes;
    final List<Node> children = new ArrayList<>(2);
    final StringBuilder text = new StringBuilder();

    Node(String localName, Map<String, String> attributes) {
      this.localName = localName;
      this.attributes = attributes;
    }

    static Node at(XMLStreamReader r) {
      Map<String, String> attributes = null;
      if (r.getAttributeCount() > 0) {
        attributes = new HashMap<>();
        for (int i = 0; i < r.getAttributeCount(); i++) {
          attributes.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
        }
      }
      return new Node(r.getLocalName(), attributes);
    }

    /** The attribute's value; empty when it is absent, as in the DOM. */
    String attribute(String name) {
      return attributes == null ? "" : attributes.getOrDefault(name, "");
    }

    /** All the text within, its own first. */
    String textContent() {
      if (children.isEmpty()) {
        return text.toString();
      }
      var all = new StringBuilder(text);
      children.forEach(c -> all.append(c.textContent()));
      return all.toString();
    }
  }

  private static List<Node> children(Node parent, String localName) {
    var found = new ArrayList<Node>();
    for (var n : parent.children) {
      if (localName.equals(n.localName)) {
        found.add(n);
      }
    }
    return found;
  }

  private static Optional<Node> child(Node parent, String localName) {
    for (var n : parent.children) {
      if (localName.equals(n.localName)) {
        return Optional.of(n);
      }
    }
    return Optional.empty();
  }

  /** The trimmed text at a path of child elements; empty when a step is missing. */
  private static Optional<String> text(Node from, String... path) {
    Node at = from;
    for (String step : path) {
      var next = child(at, step);
      if (next.isEmpty()) {
        return Optional.empty();
      }
      at = next.get();
    }
    return at.children.isEmpty() ? Optional.of(at.text.toString().trim()) : Optional.empty();
  }
}
