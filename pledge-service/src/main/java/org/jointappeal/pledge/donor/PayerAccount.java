package org.jointappeal.pledge.donor;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jointappeal.pledge.DomainRule;
import org.jointappeal.pledge.DomainRuleViolation;

/**
 * A payer account that is not an IBAN: camt.053 {@code DbtrAcct/Id/Othr/Id} with its scheme ({@code
 * SchmeNm/Cd}, e.g. {@code BBAN}, or {@code SchmeNm/Prtry}, e.g. {@code USABA} for a US routing
 * plus account number, {@code ZENGIN} for a Japanese account). Both are normalised: upper case, no
 * spaces, hyphens or slashes in the identifier (banks print them differently).
 */
@Embeddable
public record PayerAccount(
    @Column(name = "scheme", length = 35) String scheme,
    @Column(name = "identifier", length = 34) String identifier) {

  /** The scheme written when the statement names none. */
  public static final String NO_SCHEME = "UNSPECIFIED";

  private static final Pattern SCHEME = Pattern.compile("[A-Z0-9_]{1,35}");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Z0-9]{1,34}");

  public PayerAccount {
    scheme =
        scheme == null || scheme.isBlank()
            ? NO_SCHEME
            : scheme.trim().toUpperCase(Locale.ROOT).replace(' ', '_');
    identifier =
        identifier == null ? "" : identifier.toUpperCase(Locale.ROOT).replaceAll("[\\s\\-/.]", "");
    if (!SCHEME.matcher(scheme).matches()) {
      throw DomainRuleViolation.of(
          DomainRule.INVALID_PAYER_ACCOUNT,
          "the account scheme must be 1 to 35 letters, digits or underscores");
    }
    if (!IDENTIFIER.matcher(identifier).matches()) {
      // never echo the number: the last four characters at most
      throw DomainRuleViolation.of(
          DomainRule.INVALID_PAYER_ACCOUNT,
          "the %s account ending %s is not 1 to 34 letters and digits"
              .formatted(scheme, Iban.lastFour(identifier)));
    }
  }

  public static PayerAccount of(String scheme, String identifier) {
    return new PayerAccount(scheme, identifier);
  }

  /** The last four characters: what logs and views show. */
  public String masked() {
    return scheme + " …" + Iban.lastFour(identifier);
  }
}
