package org.jointappeal.pledge.bankstatement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jointappeal.pledge.donor.DonorCode;
import org.jointappeal.pledge.fx.UnoreRate;
import org.jointappeal.pledge.money.Money;
import org.jointappeal.pledge.pledge.Instalment;
import org.jointappeal.pledge.pledge.Pledge;
import org.jointappeal.pledge.pledge.PledgeStatus;

/**
 * Finds the pledges a statement credit may pay, in this order:
 *
 * <ol>
 *   <li>a <b>pledge reference</b> in EndToEndId, RmtInf/Ustrd or RmtInf/Strd/CdtrRefInf/Ref: the
 *       pledge id (UUID), or a committed pledge's agreement reference (what the donor signed, so
 *       what its treasury quotes);
 *   <li>only when no reference was found: the payer donor's open pledges and instalments whose
 *       outstanding amount is within the configured tolerance of the credit (in the currency when
 *       it is the same, else in USD: the credit at its value date's UNORE against the outstanding
 *       at the pledge's rate).
 * </ol>
 *
 * A match is confident when exactly one pledge is a candidate and the existing allocation rules can
 * take it (the payer's own pledge, committed or partially paid, in the credit's currency).
 */
@ApplicationScoped
public class PledgeMatcher {

  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Set<PledgeStatus> PAYABLE =
      Set.of(PledgeStatus.COMMITTED, PledgeStatus.PARTIALLY_PAID);
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** Why a pledge is a candidate. */
  public enum Reason {
    /** The credit's references name the pledge. */
    REFERENCE,
    /** The amount is within tolerance of what is outstanding, in the same currency. */
    AMOUNT,
    /** The USD value is within tolerance of the outstanding USD value (another currency). */
    AMOUNT_IN_USD
  }

  /**
   * A pledge the credit may pay; {@code allocate} and {@code instalmentNumber} say what an
   * allocation would take. {@code allocatable} is false when the existing rules would refuse it
   * (another donor's, not payable, another currency), and {@code detail} then says why.
   */
  public record Candidate(
      Pledge pledge,
      Integer instalmentNumber,
      Money outstanding,
      Reason reason,
      int score,
      boolean allocatable,
      Money allocate,
      String detail) {}

  /** The candidates, best first, and the one to allocate to when the match is confident. */
  public record Outcome(List<Candidate> candidates, Optional<Candidate> confident) {}

  private final EntityManager em;
  private final MatchingConfig config;

  PledgeMatcher(EntityManager em, MatchingConfig config) {
    this.em = em;
    this.config = config;
  }

  /**
   * Every candidate of a credit, from pledges read for the whole page of credits ({@link
   * #openPledgesOf}).
   *
   * @param payer the donor holding the payer's IBAN; null when unidentified (then only references
   *     are looked for, and nothing is allocatable)
   * @param usd the credit's USD value at its value date's UNORE; null when not known
   */
  public Outcome match(
      String referenceText, Money amount, DonorCode payer, Money usd, OpenPledges openPledges) {
    return match(referenceText, amount, payer, usd, openPledges, true);
  }

  /**
   * Only the pledge to allocate to, when the match is confident: what an import needs. The payers'
   * open pledges are loaded once for the whole statement (loading them per entry cost 100 ms an
   * entry when the payer had 2,250). Once a reference is found, amount candidates cannot change the
   * answer, so they are not looked for (a quarter of such an import's time went to them).
   */
  public Optional<Candidate> confident(
      String referenceText, Money amount, DonorCode payer, Money usd, OpenPledges openPledges) {
    return match(referenceText, amount, payer, usd, openPledges, false).confident();
  }

  private Outcome match(
      String referenceText,
      Money amount,
      DonorCode payer,
      Money usd,
      OpenPledges openPledges,
      boolean allCandidates) {
    var referenced = referenced(referenceText, payer, openPledges);
    var candidates = new ArrayList<Candidate>();
    for (var pledge : referenced) {
      candidates.add(byReference(pledge, amount, payer));
    }
    if (payer != null && (allCandidates || referenced.isEmpty())) {
      for (var pledge : openPledges.of(payer)) {
        if (referenced.stream().noneMatch(p -> p.id().equals(pledge.id()))) {
          byAmount(pledge, amount, usd).ifPresent(candidates::add);
        }
      }
    }
    candidates.sort(
        Comparator.comparingInt(Candidate::score)
            .reversed()
            .thenComparing(c -> c.pledge().announcedOn())
            .thenComparing(c -> c.pledge().id()));
    // the donor said which pledge: never second-guess a reference with an amount match
    var pool =
        referenced.isEmpty()
            ? candidates
            : candidates.stream().filter(c -> c.reason() == Reason.REFERENCE).toList();
    Optional<Candidate> confident =
        pool.size() == 1 && pool.get(0).allocatable() ? Optional.of(pool.get(0)) : Optional.empty();
    return new Outcome(List.copyOf(candidates), confident);
  }

  /**
   * The donor whose pledge the references name by id, when they name pledges of one donor only: a
   * credit from an account no donor registered (a US or Japanese account, say) that quotes its
   * pledge identifies its donor by it.
   */
  public Optional<DonorCode> donorNamedBy(String referenceText) {
    var donors =
        referenced(referenceText, null, null).stream().map(Pledge::donorCode).distinct().toList();
    return donors.size() == 1 ? Optional.of(donors.get(0)) : Optional.empty();
  }

  /** Pledges named by id, and the payer's pledges whose agreement reference appears. */
  private List<Pledge> referenced(String text, DonorCode payer, OpenPledges openPledges) {
    var ids = idsIn(text);
    var found = new ArrayList<Pledge>();
    if (!ids.isEmpty()) {
      if (openPledges != null && openPledges.named != null) {
        ids.stream()
            .map(openPledges.named::get)
            .filter(java.util.Objects::nonNull)
            // the query's order: PostgreSQL compares uuids as unsigned bytes, as their text sorts
            .sorted(Comparator.comparing(p -> p.id().toString()))
            .forEach(found::add);
      } else {
        found.addAll(
            em.createQuery("select p from Pledge p where p.id in :ids order by p.id", Pledge.class)
                .setParameter("ids", ids)
                .getResultList());
      }
    }
    if (payer != null) {
      String upper = text.toUpperCase(Locale.ROOT);
      for (var agreement : openPledges.agreementsOf(payer)) {
        boolean named = agreement.token().length() >= 4 && containsToken(upper, agreement.token());
        if (named && found.stream().noneMatch(p -> p.id().equals(agreement.pledgeId()))) {
          found.add(openPledges.pledge(payer, agreement.pledgeId()));
        }
      }
    }
    return found;
  }

  /** The pledge ids (UUIDs) a credit's references quote. */
  private static Set<UUID> idsIn(String text) {
    var ids = new LinkedHashSet<UUID>();
    var m = UUID_TEXT.matcher(text);
    while (m.find()) {
      ids.add(UUID.fromString(m.group().toLowerCase(Locale.ROOT)));
    }
    return ids;
  }

  /** The reference as a whole word: "NOR-1997-1" is not found in "NOR-1997-12". */
  private static boolean containsToken(String text, String token) {
    int from = 0;
    while (true) {
      int at = text.indexOf(token, from);
      if (at < 0) {
        return false;
      }
      int end = at + token.length();
      boolean startOk = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
      boolean endOk = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
      if (startOk && endOk) {
        return true;
      }
      from = at + 1;
    }
  }

  /**
   * Each payer's open pledges, read once per statement. They are detached copies: an import of
   * thousands of entries must not dirty-check thousands of pledges at every flush. A pledge an
   * allocation changed is read again ({@link #allocated}), and each use filters by status. With
   * them, the agreement references of all the payer's pledges, open or not: a credit that names a
   * paid or cancelled pledge names it all the same.
   */
  public final class OpenPledges {
    private final Map<DonorCode, Map<UUID, Pledge>> loaded = new HashMap<>();
    private final Map<DonorCode, List<Agreement>> agreements = new HashMap<>();

    /** The pledges the credits' references name by id, when read ahead; null: read per credit. */
    private Map<UUID, Pledge> named;

    private OpenPledges() {}

    /** Reads ahead, in one query each, what the credits of a page will look for. */
    private void readAhead(Collection<DonorCode> payers, Collection<String> referenceTexts) {
      var donors = payers.stream().distinct().filter(d -> !loaded.containsKey(d)).toList();
      if (!donors.isEmpty()) {
        donors.forEach(d -> loaded.put(d, new LinkedHashMap<>()));
        loadOpenOf(donors).forEach(p -> loaded.get(p.donorCode()).put(p.id(), p));
        var agreed = loadAgreementsOf(donors);
        donors.forEach(d -> agreements.put(d, agreed.getOrDefault(d, List.of())));
      }
      var ids = new LinkedHashSet<UUID>();
      referenceTexts.forEach(text -> ids.addAll(idsIn(text)));
      named = new HashMap<>();
      if (!ids.isEmpty()) {
        em.createQuery(
                "select distinct p from Pledge p left join fetch p.instalments where p.id in :ids",
                Pledge.class)
            .setParameter("ids", ids)
            .getResultList()
            .forEach(p -> named.put(p.id(), p));
      }
    }

    List<Pledge> of(DonorCode donor) {
      return open(donor).values().stream().filter(p -> PAYABLE.contains(p.status())).toList();
    }

    List<Agreement> agreementsOf(DonorCode donor) {
      return agreements.computeIfAbsent(donor, PledgeMatcher.this::loadAgreements);
    }

    /** The donor's pledge: the open copy while it is payable, else as it is now. */
    Pledge pledge(DonorCode donor, UUID pledgeId) {
      var open = open(donor).get(pledgeId);
      return open != null && PAYABLE.contains(open.status()) ? open : reload(pledgeId);
    }

    /** An allocation paid (part of) this pledge: its outstanding amount and status changed. */
    public void allocated(UUID pledgeId) {
      var pledge = reload(pledgeId);
      var ofDonor = loaded.get(pledge.donorCode());
      if (ofDonor != null) {
        ofDonor.replace(pledgeId, pledge);
      }
    }

    /** A reversal made this pledge payable again: later credits of the statement may pay it. */
    public void reopened(UUID pledgeId) {
      var pledge = reload(pledgeId);
      var ofDonor = loaded.get(pledge.donorCode());
      if (ofDonor != null) {
        ofDonor.put(pledgeId, pledge);
      }
    }

    private Map<UUID, Pledge> open(DonorCode donor) {
      return loaded.computeIfAbsent(
          donor,
          d -> {
            var byId = new LinkedHashMap<UUID, Pledge>();
            loadOpen(d).forEach(p -> byId.put(p.id(), p));
            return byId;
          });
    }
  }

  /** A pledge's agreement reference, upper-cased, as the remittance text is. */
  record Agreement(String token, UUID pledgeId) {}

  /** A fresh cache for one statement (one transaction). */
  public OpenPledges openPledges() {
    return new OpenPledges();
  }

  /**
   * A cache for a page of waiting credits, filled at once: the payers' open pledges and agreement
   * references, and the pledges the credits name by id, one query each, so a page of the queue
   * costs the same few queries whatever its size (no query per credit).
   */
  public OpenPledges openPledgesOf(
      Collection<DonorCode> payers, Collection<String> referenceTexts) {
    var open = new OpenPledges();
    open.readAhead(payers, referenceTexts);
    return open;
  }

  private List<Agreement> loadAgreements(DonorCode donor) {
    return loadAgreementsOf(List.of(donor)).getOrDefault(donor, List.of());
  }

  /** Each donor's agreement references, each donor's in announcement order. */
  private Map<DonorCode, List<Agreement>> loadAgreementsOf(Collection<DonorCode> donors) {
    var byDonor = new HashMap<DonorCode, List<Agreement>>();
    em.createQuery(
            "select p.donorCode, p.agreementReference, p.id from Pledge p"
                + " where p.donorCode in :donors and p.agreementReference is not null"
                + " order by p.announcedOn, p.id",
            Object[].class)
        .setParameter("donors", donors)
        .getResultStream()
        .forEach(
            row ->
                byDonor
                    .computeIfAbsent((DonorCode) row[0], d -> new ArrayList<>())
                    .add(new Agreement(((String) row[1]).toUpperCase(Locale.ROOT), (UUID) row[2])));
    return byDonor;
  }

  private List<Pledge> loadOpen(DonorCode donor) {
    return loadOpenOf(List.of(donor));
  }

  private List<Pledge> loadOpenOf(Collection<DonorCode> donors) {
    // flushed first (auto flush), so detaching loses nothing: the copies only answer questions.
    // A pledge the session held already (named by id in this entry) may not have taken the fetched
    // instalments: read them while it is still managed.
    var open =
        em.createQuery(
                "select distinct p from Pledge p left join fetch p.instalments"
                    + " where p.donorCode in :donors and p.status in :payable"
                    + " order by p.announcedOn, p.id",
                Pledge.class)
            .setParameter("donors", donors)
            .setParameter("payable", PAYABLE)
            .getResultList();
    for (var pledge : open) {
      pledge.instalments().size();
      em.detach(pledge);
    }
    return open;
  }

  private Pledge reload(UUID pledgeId) {
    var pledge = em.find(Pledge.class, pledgeId);
    // the allocation's own (managed) copy: its instalments are read now, while it is managed
    pledge.instalments().size();
    return pledge;
  }

  private Candidate byReference(Pledge pledge, Money amount, DonorCode payer) {
    var outstanding = pledge.outstanding();
    String refusal = null;
    if (payer == null) {
      refusal = "the payer's IBAN is not a known donor's: name the donor first";
    } else if (!pledge.donorCode().equals(payer)) {
      refusal = "the pledge is %s's, the payer is %s".formatted(pledge.donorCode(), payer);
    } else if (!PAYABLE.contains(pledge.status())) {
      refusal = "the pledge is " + pledge.status();
    } else if (!outstanding.isIn(amount.currency())) {
      refusal =
          "the pledge is in %s, the credit in %s"
              .formatted(outstanding.currency(), amount.currency());
    } else if (!outstanding.isPositive()) {
      refusal = "nothing is outstanding";
    }
    boolean allocatable = refusal == null;
    return new Candidate(
        pledge,
        null,
        outstanding,
        Reason.REFERENCE,
        allocatable ? 100 : 40,
        allocatable,
        allocatable ? smaller(amount, outstanding) : null,
        allocatable ? "the remittance information names the pledge" : refusal);
  }

  /** The pledge's outstanding amount, or one of its open instalments, nearest the credit. */
  private Optional<Candidate> byAmount(Pledge pledge, Money amount, Money usd) {
    boolean sameCurrency = pledge.amount().isIn(amount.currency());
    if (!sameCurrency && usd == null) {
      return Optional.empty();
    }
    var targets = new ArrayList<Target>();
    targets.add(new Target(null, pledge.outstanding()));
    var open =
        pledge.instalments().stream()
            .filter(i -> outstanding(pledge, i).isPositive())
            .sorted(Comparator.comparing(Instalment::dueOn))
            .toList();
    if (open.size() > 1) {
      open.forEach(i -> targets.add(new Target(i.number(), outstanding(pledge, i))));
    }
    Target best = null;
    BigDecimal bestDeviation = null;
    for (var target : targets) {
      if (!target.outstanding().isPositive()) {
        continue;
      }
      BigDecimal deviation =
          sameCurrency
              ? deviationPercent(amount.amount(), target.outstanding().amount())
              : deviationPercent(
                  usd.amount(),
                  UnoreRate.atRate(target.outstanding(), pledge.unitsPerUsd()).amount());
      if (deviation.compareTo(config.fxTolerancePercent()) <= 0
          && (bestDeviation == null || deviation.compareTo(bestDeviation) < 0)) {
        best = target;
        bestDeviation = deviation;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    // 90 for an exact amount, one point less per tenth of a percent off
    int score =
        90
            - bestDeviation.multiply(BigDecimal.TEN).setScale(0, RoundingMode.CEILING).intValue()
            - (sameCurrency ? 0 : 20);
    String what =
        best.instalmentNumber() == null
            ? "the outstanding amount"
            : "instalment " + best.instalmentNumber();
    String detail =
        sameCurrency
            ? "%s%% from %s".formatted(bestDeviation.stripTrailingZeros().toPlainString(), what)
            : "in USD %s%% from %s at the pledge's rate; the pledge is in %s, the credit in %s, so the allocation rules cannot take it"
                .formatted(
                    bestDeviation.stripTrailingZeros().toPlainString(),
                    what,
                    pledge.amount().currency(),
                    amount.currency());
    return Optional.of(
        new Candidate(
            pledge,
            best.instalmentNumber(),
            best.outstanding(),
            sameCurrency ? Reason.AMOUNT : Reason.AMOUNT_IN_USD,
            Math.max(score, 1),
            sameCurrency,
            sameCurrency ? smaller(amount, best.outstanding()) : null,
            detail));
  }

  private record Target(Integer instalmentNumber, Money outstanding) {}

  private static Money outstanding(Pledge pledge, Instalment i) {
    return Money.of(
        i.amount().subtract(i.paid()).subtract(i.writtenOff()), pledge.amount().currency());
  }

  /** |credit - outstanding| in percent of the outstanding amount, to 4 places (rounded up). */
  private static BigDecimal deviationPercent(BigDecimal credit, BigDecimal outstanding) {
    return credit
        .subtract(outstanding)
        .abs()
        .multiply(HUNDRED)
        .divide(outstanding, 4, RoundingMode.CEILING);
  }

  /**
   * What an allocation takes: the credit, but never more than is outstanding (the rest is credit).
   */
  private static Money smaller(Money credit, Money outstanding) {
    return credit.amount().compareTo(outstanding.amount()) <= 0 ? credit : outstanding;
  }
}
