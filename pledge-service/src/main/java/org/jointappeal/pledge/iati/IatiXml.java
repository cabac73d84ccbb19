package org.jointappeal.pledge.iati;

import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes an {@code iati-activities} 2.03 document with StAX (which escapes text and attributes).
 * Element order follows the schema's sequences: iati-identifier, reporting-org, title, description,
 * participating-org, activity-status, activity-date, humanitarian-scope, transaction; and in a
 * transaction: transaction-type, transaction-date, value, description, provider-org.
 */
final class IatiXml {

  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

  private IatiXml() {}

  static String write(IatiActivity activity, IatiConfig config, Instant generatedAt) {
    var out = new StringWriter();
    try {
      XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("iati-activities");
      xml.writeAttribute("version", "2.03");
      xml.writeAttribute(
          "generated-datetime", generatedAt.truncatedTo(ChronoUnit.SECONDS).toString());
      writeActivity(xml, activity, config, generatedAt);
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("the IATI document could not be written", e);
    }
    return out.toString();
  }

  private static void writeActivity(
      XMLStreamWriter xml, IatiActivity activity, IatiConfig config, Instant generatedAt)
      throws XMLStreamException {
    xml.writeStartElement("iati-activity");
    xml.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", "en");
    xml.writeAttribute("humanitarian", "1");
    text(xml, "iati-identifier", activity.identifier());
    xml.writeStartElement("reporting-org");
    xml.writeAttribute("ref", config.reportingOrg().ref());
    xml.writeAttribute("type", config.reportingOrg().type());
    narrative(xml, config.reportingOrg().name());
    xml.writeEndElement();
    xml.writeStartElement("title");
    narrative(xml, activity.title());
    xml.writeEndElement();
    xml.writeStartElement("description");
    narrative(
        xml,
        "Joint appeal "
            + activity.appealCode()
            + ": pledges, commitments and funds received, as recorded by the joint appeal funding"
            + " platform.");
    xml.writeEndElement();
    for (var donor : activity.donors()) {
      xml.writeStartElement("participating-org");
      xml.writeAttribute("ref", donor.ref());
      xml.writeAttribute("role", "1"); // Funding
      narrative(xml, donor.name());
      xml.writeEndElement();
    }
    for (var agency : activity.agencies()) {
      xml.writeStartElement("participating-org");
      xml.writeAttribute("role", "4"); // Implementing
      narrative(xml, agency);
      xml.writeEndElement();
    }
    empty(xml, "activity-status", "code", activity.status());
    xml.writeEmptyElement("activity-date");
    if (activity.plannedEnd() != null) {
      xml.writeAttribute("type", "3"); // planned end: the appeal's period end
      xml.writeAttribute("iso-date", activity.plannedEnd().toString());
    } else {
      // appeals known before their period end was kept: the first transaction is the start we know
      xml.writeAttribute("type", "2");
      xml.writeAttribute("iso-date", firstDate(activity, generatedAt).toString());
    }
    xml.writeEmptyElement("humanitarian-scope");
    xml.writeAttribute("type", "2"); // an appeal
    xml.writeAttribute("vocabulary", "2-1"); // its code, as the appeal is known
    xml.writeAttribute("code", activity.appealCode());
    for (var transaction : activity.transactions()) {
      writeTransaction(xml, transaction);
    }
    xml.writeEndElement();
  }

  private static void writeTransaction(XMLStreamWriter xml, IatiTransaction t)
      throws XMLStreamException {
    xml.writeStartElement("transaction");
    empty(xml, "transaction-type", "code", t.type().code());
    empty(xml, "transaction-date", "iso-date", t.date().toString());
    xml.writeStartElement("value");
    xml.writeAttribute("currency", t.value().currency());
    xml.writeAttribute("value-date", t.valueDate().toString());
    xml.writeCharacters(t.value().amount().toPlainString());
    xml.writeEndElement();
    xml.writeStartElement("description");
    narrative(xml, t.description());
    xml.writeEndElement();
    xml.writeStartElement("provider-org");
    xml.writeAttribute("ref", t.providerRef());
    narrative(xml, t.providerName());
    xml.writeEndElement();
    xml.writeEndElement();
  }

  private static LocalDate firstDate(IatiActivity activity, Instant generatedAt) {
    return activity.transactions().stream()
        .map(IatiTransaction::date)
        .min(LocalDate::compareTo)
        .orElse(LocalDate.ofInstant(generatedAt, ZoneOffset.UTC));
  }

  private static void text(XMLStreamWriter xml, String element, String value)
      throws XMLStreamException {
    xml.writeStartElement(element);
    xml.writeCharacters(xmlText(value));
    xml.writeEndElement();
  }

  /**
   * StAX escapes markup but writes control characters as they are, and XML 1.0 allows none but tab,
   * newline and carriage return (not even as references). Requests refuse them now, but appeal
   * titles and donor names recorded earlier, or carried by events, may hold one: it becomes U+FFFD
   * so the document stays well-formed.
   */
  static String xmlText(String value) {
    if (value == null) {
      return null;
    }
    StringBuilder out = null;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean allowed;
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        if (out != null) {
          out.append(c).append(value.charAt(i + 1));
        }
        i++;
        continue;
      }
      allowed =
          c == '\t'
              || c == '\n'
              || c == '\r'
              || (c >= 0x20 && c < 0x7F)
              || (c > 0x9F && !Character.isSurrogate(c) && c != 0xFFFE && c != 0xFFFF);
      if (!allowed && out == null) {
        out = new StringBuilder(value.length()).append(value, 0, i);
      }
      if (out != null) {
        out.append(allowed ? c : '\uFFFD');
      }
    }
    return out == null ? value : out.toString();
  }

  private static void narrative(XMLStreamWriter xml, String value) throws XMLStreamException {
    text(xml, "narrative", value);
  }

  private static void empty(XMLStreamWriter xml, String element, String attribute, String value)
      throws XMLStreamException {
    xml.writeEmptyElement(element);
    xml.writeAttribute(attribute, xmlText(value));
  }
}
