package org.jointappeal.pledge.iati;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The official IATI 2.03 activity schema (test resources), its imports resolved from the same
 * folder: the factory may read local files only, never the network.
 */
final class IatiSchema {

  private static final Schema SCHEMA = load();

  private IatiSchema() {}

  private static Schema load() {
    try {
      var factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      return factory.newSchema(
          IatiSchema.class.getResource("/iati-2.03/iati-activities-schema.xsd"));
    } catch (SAXException e) {
      throw new IllegalStateException("the IATI 2.03 schema does not load", e);
    }
  }

  /** Every error and warning the validator reports, with line and column; empty when valid. */
  static List<String> violations(String xml) {
    var problems = new ArrayList<String>();
    var validator = SCHEMA.newValidator();
    try {
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      validator.setErrorHandler(
          new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
              problems.add(describe("warning", e));
            }

            @Override
            public void error(SAXParseException e) {
              problems.add(describe("error", e));
            }

            @Override
            public void fatalError(SAXParseException e) {
              problems.add(describe("fatal", e));
            }
          });
      validator.validate(new StreamSource(new StringReader(xml)));
    } catch (SAXException | IOException e) {
      problems.add("not readable: " + e.getMessage());
    }
    return problems;
  }

  private static String describe(String level, SAXParseException e) {
    return level + " at " + e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage();
  }
}
