package org.jointappeal.pledge.donor;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.jointappeal.pledge.DomainRule;
import org.jointappeal.pledge.DomainRuleViolation;
import org.jointappeal.pledge.DonorCode;

/** A donor in the registry: who pledges, and the bank accounts its money comes from. */
@Entity
@Table(name = "donor")
public class Donor {

  private static final Set<String> COUNTRIES =
      Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));

  // a plain String: JPA converters do not apply to identifiers
  @Id
  @Column(length = 3)
  private String code;

  @Column(nullable = false, length = 200)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private DonorKind kind;

  @ElementCollection
  @CollectionTable(name = "donor_iban", joinColumns = @JoinColumn(name = "donor_code"))
  @Column(name = "iban", length = 34)
  private Set<String> ibans = new TreeSet<>();

  @ElementCollection
  @CollectionTable(name = "donor_account", joinColumns = @JoinColumn(name = "donor_code"))
  private Set<PayerAccount> accounts = new HashSet<>();

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version private long version;

  protected Donor() {}

  Donor(
      DonorCode code,
      String name,
      DonorKind kind,
      Set<String> ibans,
      Set<PayerAccount> accounts,
      Instant createdAt) {
    if (kind == DonorKind.STATE && !COUNTRIES.contains(code.value())) {
      throw DomainRuleViolation.of(
          DomainRule.INVALID_DONOR_CODE,
          code + " is not an ISO 3166-1 alpha-3 country code: a State's code must be one");
    }
    if (kind == DonorKind.ORGANISATION && !code.value().startsWith("X")) {
      throw DomainRuleViolation.of(
          DomainRule.INVALID_DONOR_CODE,
          code + " is not a user-assigned code (X..): an organisation's code must be one");
    }
    this.code = code.value();
    this.name = name;
    this.kind = kind;
    this.ibans.addAll(ibans);
    this.accounts.addAll(accounts);
    this.createdAt = createdAt;
  }

  /** The registry's facts change (a new bank account, a new name); the code and kind never do. */
  void revise(String name, Set<String> ibans, Set<PayerAccount> accounts) {
    this.name = name;
    this.ibans.retainAll(ibans);
    this.ibans.addAll(ibans);
    if (accounts != null) {
      this.accounts.retainAll(accounts);
      this.accounts.addAll(accounts);
    }
  }

  /** One more account the donor pays from (registered from an unmatched statement entry). */
  void addAccount(PayerAccount account) {
    accounts.add(account);
  }

  /** One more IBAN the donor pays from (registered from an unmatched statement entry). */
  void addIban(String iban) {
    ibans.add(iban);
  }

  /** The accounts other than IBANs, by scheme and identifier. */
  public List<PayerAccount> accounts() {
    return accounts.stream()
        .sorted(Comparator.comparing(PayerAccount::scheme).thenComparing(PayerAccount::identifier))
        .toList();
  }

  public DonorCode code() {
    return DonorCode.of(code);
  }

  public String name() {
    return name;
  }

  public DonorKind kind() {
    return kind;
  }

  public Set<String> ibans() {
    return Set.copyOf(ibans);
  }

  public long version() {
    return version;
  }
}
