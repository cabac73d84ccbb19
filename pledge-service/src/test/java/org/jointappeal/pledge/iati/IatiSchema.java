package org.jointappeal.pledge.iati;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Assumptions;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The official IATI 2.03 activity schema, read where the project keeps its reference files ({@code
 * ../shared/reference/iati-2.03/} beside the checkout; its licence asks us not to copy it into the
 * repository), or from {@code -Diati.schema.dir=...}. Its imports resolve from the same folder: the
 * factory may read local files only, never the network.
 */
final class IatiSchema {

  private static final String ENTRY = "iati-activities-schema.xsd";
  private static final Path RELATIVE = Path.of("shared", "reference", "iati-2.03");

  private static Schema schema;

  private IatiSchema() {}

  /** The folder holding the schema: the system property, else the first ancestor's shared/. */
  static Optional<Path> folder() {
    String configured = System.getProperty("iati.schema.dir");
    if (configured != null && !configured.isBlank()) {
      return Optional.of(Path.of(configured));
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(RELATIVE).resolve(ENTRY))) {
        return Optional.of(dir.resolve(RELATIVE));
      }
    }
    return Optional.empty();
  }

  private static synchronized Schema schema() {
    if (schema == null) {
      var dir = folder();
      // a checkout without the reference files cannot validate: say so loudly and skip
      Assumptions.assumeTrue(
          dir.isPresent(),
          "IATI 2.03 schema not found: set -Diati.schema.dir or keep ../shared/reference/iati-2.03/");
      try {
        var factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        schema = factory.newSchema(dir.get().resolve(ENTRY).toFile());
      } catch (SAXException e) {
        throw new IllegalStateException("the IATI 2.03 schema does not load", e);
      }
    }
    return schema;
  }

  /** Every error and warning the validator reports, with line and column; empty when valid. */
  static List<String> violations(String xml) {
    var problems = new ArrayList<String>();
    var validator = schema().newValidator();
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
