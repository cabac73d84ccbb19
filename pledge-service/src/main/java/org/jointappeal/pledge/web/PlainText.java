package org.jointappeal.pledge.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * Text from callers holds no control characters other than tab and newline. PostgreSQL refuses NUL
 * in text (a 500 if it got that far), XML 1.0 refuses most of them (the IATI export), and none
 * belongs in a title, a name or a reference. Refused at the edge, naming the field: bodies here,
 * path and query parameters in {@link PlainParameters}.
 */
public final class PlainText {

  private PlainText() {}

  /** True for U+0000-U+001F except tab and newline, and U+007F-U+009F. */
  public static boolean hasControlCharacter(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) && c != '\t' && c != '\n') {
        return true;
      }
    }
    return false;
  }

  /** Every JSON string read into a request goes through this check. */
  static SimpleModule module() {
    return new SimpleModule("plain-text").addDeserializer(String.class, new Deserializer());
  }

  /** A body field holds a control character; Jackson adds the field's path on the way out. */
  public static final class RefusedInBody extends JsonMappingException {
    RefusedInBody(JsonParser parser) {
      super(parser, "control characters are not allowed");
    }
  }

  /** A path or query parameter holds a control character. */
  public static final class RefusedInParameter extends RuntimeException {
    private final String parameter;

    RefusedInParameter(String parameter) {
      super("control characters are not allowed in " + parameter);
      this.parameter = parameter;
    }

    public String parameter() {
      return parameter;
    }
  }

  private static final class Deserializer extends StdScalarDeserializer<String> {
    Deserializer() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      String value = StringDeserializer.instance.deserialize(parser, context);
      if (value != null && hasControlCharacter(value)) {
        throw new RefusedInBody(parser);
      }
      return value;
    }
  }
}
