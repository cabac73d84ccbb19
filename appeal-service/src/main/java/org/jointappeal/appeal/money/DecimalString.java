package org.jointappeal.appeal.money;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jointappeal.appeal.DomainRule;
import org.jointappeal.appeal.DomainRuleViolation;

/**
 * A decimal exactly as the client wrote it, kept unparsed until a service reads it with {@link
 * #parse}: a JSON string of the form {@code -?digits[.digits]}. A JSON number, an exponent, a
 * separator, a sign '+', blanks, NaN or Infinity are refused there as a 422 naming the field,
 * rather than as an unreadable body: they are readable, only not money.
 */
@JsonDeserialize(using = DecimalString.Reader.class)
// a string in the OpenAPI document; without this the schema of this record refers to itself
@Schema(
    name = "DecimalString",
    type = SchemaType.STRING,
    pattern = "^-?[0-9]+(\\.[0-9]+)?$",
    description = "A decimal as a JSON string: -?digits[.digits]")
public record DecimalString(String text, boolean quoted) {

  private static final Pattern SYNTAX = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

  public static DecimalString of(String text) {
    return new DecimalString(text, true);
  }

  public static DecimalString of(BigDecimal value) {
    return new DecimalString(value.toPlainString(), true);
  }

  /** Written back as the string it came as (hashes of requests, examples). */
  @JsonValue
  public String text() {
    return text;
  }

  /**
   * @param field where the value sits in the request ("amount.amount", "unitsPerUsd")
   */
  public BigDecimal parse(String field) {
    if (!quoted) {
      throw malformed(
          field, field + " must be a decimal string such as \"1500000.00\", not a JSON " + text);
    }
    if (!SYNTAX.matcher(text).matches()) {
      throw malformed(
          field,
          field
              + " must be digits with an optional leading '-' and one '.' (no exponent,"
              + " separators, '+' or blanks), not '"
              + text
              + "'");
    }
    return new BigDecimal(text);
  }

  private static DomainRuleViolation malformed(String field, String message) {
    return DomainRuleViolation.of(
        DomainRule.MALFORMED_DECIMAL,
        message,
        List.of(new DomainRuleViolation.Error(field, message)));
  }

  @Override
  public String toString() {
    return text;
  }

  /** Never fails on a scalar: what is wrong with it is a business answer, given by parse. */
  static final class Reader extends JsonDeserializer<DecimalString> {
    @Override
    public DecimalString deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken token = p.currentToken();
      if (token == JsonToken.VALUE_STRING) {
        return new DecimalString(p.getText(), true);
      }
      if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
        return new DecimalString("number", false);
      }
      if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
        return new DecimalString("boolean", false);
      }
      if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
        p.skipChildren();
        return new DecimalString(token == JsonToken.START_OBJECT ? "object" : "array", false);
      }
      return (DecimalString) ctxt.handleUnexpectedToken(DecimalString.class, p);
    }
  }
}
