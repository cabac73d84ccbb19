package org.jointappeal.pledge.donor;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jointappeal.pledge.DomainRule;
import org.jointappeal.pledge.DomainRuleViolation;

/** An IBAN (ISO 13616), normalised without spaces, its check digits verified (mod 97 = 1). */
public final class Iban {

  private static final Pattern FORMAT = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");

  private Iban() {}

  public static String normalise(String raw) {
    String iban = raw == null ? "" : raw.replace(" ", "").toUpperCase(Locale.ROOT);
    if (!FORMAT.matcher(iban).matches() || !checksumHolds(iban)) {
      // never echo the number: the last four characters at most
      throw DomainRuleViolation.of(
          DomainRule.INVALID_IBAN, "the IBAN ending " + lastFour(iban) + " is not a valid IBAN");
    }
    return iban;
  }

  public static String lastFour(String iban) {
    return iban.length() <= 4 ? iban : iban.substring(iban.length() - 4);
  }

  private static boolean checksumHolds(String iban) {
    String rearranged = iban.substring(4) + iban.substring(0, 4);
    StringBuilder digits = new StringBuilder();
    for (char c : rearranged.toCharArray()) {
      digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    }
    return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
  }
}
