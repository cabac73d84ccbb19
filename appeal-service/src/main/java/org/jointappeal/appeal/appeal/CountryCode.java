package org.jointappeal.appeal.appeal;

import java.util.Locale;
import java.util.Set;
import org.jointappeal.appeal.DomainRule;
import org.jointappeal.appeal.DomainRuleViolation;

/** ISO 3166-1 alpha-3, plus XRG (user-assigned range) for regional / multi-country lines. */
public final class CountryCode {

  public static final String REGIONAL = "XRG";

  private static final Set<String> ISO_ALPHA3 =
      Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);

  private CountryCode() {}

  static String require(String code) {
    if (!REGIONAL.equals(code) && !ISO_ALPHA3.contains(code)) {
      throw DomainRuleViolation.of(
          DomainRule.UNKNOWN_COUNTRY, code + " is not a country code (or XRG)");
    }
    return code;
  }
}
