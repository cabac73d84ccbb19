package org.jointappeal.notification;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Reads a money or percentage field only from a JSON string of the form {@code -?digits[.digits]}:
 * a JSON number, an exponent, a separator, a '+', blanks, NaN or Infinity are refused, naming the
 * field. A rule's amount in USD must read exactly as its author wrote it.
 */
public final class StrictDecimal extends JsonDeserializer<BigDecimal> {

  private static final Pattern SYNTAX = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

  @Override
  public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      return (BigDecimal)
          ctxt.handleUnexpectedToken(
              BigDecimal.class,
              p.currentToken(),
              p,
              "a decimal string such as \"10000000.00\" is expected, not a JSON %s",
              p.currentToken().isNumeric() ? "number" : p.currentToken().asString());
    }
    String text = p.getText();
    if (!SYNTAX.matcher(text).matches()) {
      return (BigDecimal)
          ctxt.handleWeirdStringValue(
              BigDecimal.class,
              text,
              "digits with an optional leading '-' and one '.' are expected (no exponent,"
                  + " separators, '+' or blanks)");
    }
    return new BigDecimal(text);
  }
}
