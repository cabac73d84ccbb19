package org.jointappeal.pledge;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * A donor's code: ISO 3166-1 alpha-3 for States (NOR, SWE), a documented three-letter code
 * otherwise.
 */
public record DonorCode(@JsonValue String value) {

  public static final Pattern FORMAT = Pattern.compile("[A-Z]{3}");

  public DonorCode {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("a donor code is three capital letters");
    }
  }

  public static DonorCode of(String value) {
    return new DonorCode(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
