package org.jointappeal.pledge.bankstatement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jointappeal.pledge.DonorCode;
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
   * Only the pledge to allocate to, when the match is confident: what an import needs. Once a
   * reference is found, amount candidates cannot change the answer, so they are not looked for.
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
    var referenced = openPledges.referenced(referenceText, payer);
    var candidates = new ArrayList<Candidate>();
    for (var pledge : referenced) {
      candidates.add(byReference(pledge, amount, payer));
    }
    if (payer != null && (allCandidates || referenced.isEmpty())) {
      // the index leaves out only pledges no target of which is within the tolerance
      for (var pledge : openPledges.nearAmount(payer, amount, usd)) {
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
  public Optional<DonorCode> donorNamedBy(String referenceText, OpenPledges openPledges) {
    var donors =
        openPledges.namedById(referenceText).stream().map(Pledge::donorCode).distinct().toList();
    return donors.size() == 1 ? Optional.of(donors.get(0)) : Optional.empty();
  }

  /** The pledge ids (UUIDs) a text names, in any case. */
  static Set<UUID> idsIn(String text) {
    var ids = new LinkedHashSet<UUID>();
    var m = UUID_TEXT.matcher(text);
    while (m.find()) {
      ids.add(UUID.fromString(m.group().toLowerCase(Locale.ROOT)));
    }
    return ids;
  }

  /**
   * The pledges a statement's credits may name or pay, read once per statement (or per question) as
   * detached copies: an import of thousands of entries must not dirty-check thousands of pledges,
   * and the copies are what its payments change (written in batches, see PaymentBatch). For an
   * import the payer's open pledges are locked when read, until the import ends, so that nothing
   * else changes them meanwhile.
   *
   * <p>Per payer it keeps two indexes instead of a scan per credit: its pledges' agreement
   * references (the remittance text's words are looked up, whatever the number of pledges), and the
   * amounts a credit could match (each payable pledge's outstanding amount and open instalments, in
   * its currency and in USD at its rate), so that only pledges within the tolerance are examined.
   */
  public final class OpenPledges {
    private final boolean forImport;
    private final Map<UUID, Pledge> copies = new HashMap<>();
    private final Set<UUID> notPledges = new HashSet<>();
    private final Map<DonorCode, Payer> payers = new HashMap<>();

    private OpenPledges(boolean forImport) {
      this.forImport = forImport;
    }

    /**
     * Reads ahead what a page of waiting credits will look for: the payers' open pledges and
     * agreement references, one query each for all of them, and the pledges the texts name by id.
     */
    private void readAhead(Collection<DonorCode> donors, Collection<String> texts) {
      var missing = donors.stream().distinct().filter(d -> !payers.containsKey(d)).toList();
      if (!missing.isEmpty()) {
        var open = new HashMap<DonorCode, List<Pledge>>();
        missing.forEach(d -> open.put(d, new ArrayList<>()));
        loadOpenOf(missing).forEach(p -> open.get(p.donorCode()).add(p));
        var agreed = loadAgreementsOf(missing);
        missing.forEach(
            d -> payers.put(d, new Payer(d, open.get(d), agreed.getOrDefault(d, List.of()))));
      }
      prefetch(texts);
    }

    /** Reads at once the pledges these texts name by id: one query for a chunk of entries. */
    public void prefetch(Collection<String> texts) {
      var ids = new LinkedHashSet<UUID>();
      texts.forEach(text -> ids.addAll(idsIn(text)));
      read(ids);
    }

    /** An allocation paid (part of) this copy: its outstanding amounts and status changed. */
    public void allocated(Pledge pledge) {
      var payer = payers.get(pledge.donorCode());
      if (payer != null) {
        payer.index(pledge);
      }
    }

    /**
     * These pledges were changed by other means (a reversal made them payable again): they are read
     * again, and later credits of the statement may pay them.
     */
    public void reread(Collection<UUID> pledgeIds) {
      for (var pledge : load(pledgeIds)) {
        copies.put(pledge.id(), pledge);
        var payer = payers.get(pledge.donorCode());
        if (payer != null) {
          payer.index(pledge);
        }
      }
    }

    List<Pledge> namedById(String text) {
      var ids = idsIn(text);
      read(ids);
      return ids.stream().map(copies::get).filter(p -> p != null).toList();
    }

    /** Pledges named by id, and the payer's pledges whose agreement reference appears. */
    List<Pledge> referenced(String text, DonorCode payer) {
      // the payer's own pledges first: for an import, read (and locked) as one set
      var ofPayer = payer == null ? null : payer(payer);
      var found = new ArrayList<>(namedById(text));
      if (ofPayer != null) {
        for (var pledgeId : ofPayer.agreementsIn(text)) {
          if (found.stream().noneMatch(p -> p.id().equals(pledgeId))) {
            read(List.of(pledgeId));
            found.add(copies.get(pledgeId));
          }
        }
      }
      return found;
    }

    /** The payer's payable pledges that may be within the tolerance of the credit. */
    List<Pledge> nearAmount(DonorCode donor, Money amount, Money usd) {
      var payer = payer(donor);
      var ids = new LinkedHashSet<UUID>();
      var sameCurrency = payer.byAmount.get(amount.currency());
      if (sameCurrency != null) {
        near(sameCurrency, amount.amount()).forEach(ids::addAll);
      }
      if (usd != null) {
        for (var near : near(payer.byUsd, usd.amount())) {
          near.stream()
              .filter(id -> !copies.get(id).amount().isIn(amount.currency()))
              .forEach(ids::add);
        }
      }
      return ids.stream()
          .map(copies::get)
          .filter(p -> PAYABLE.contains(p.status()))
          .sorted(Comparator.comparing(Pledge::announcedOn).thenComparing(Pledge::id))
          .toList();
    }

    /** Keys from credit * 100 / (100 + tolerance) to credit * 100 / (100 - tolerance). */
    private Collection<Set<UUID>> near(TreeMap<BigDecimal, Set<UUID>> index, BigDecimal credit) {
      var tolerance = config.fxTolerancePercent();
      var scaled = credit.multiply(HUNDRED);
      var low = scaled.divide(HUNDRED.add(tolerance), 6, RoundingMode.FLOOR);
      var high = scaled.divide(HUNDRED.subtract(tolerance), 6, RoundingMode.CEILING);
      return index.subMap(low, true, high, true).values();
    }

    private void read(Collection<UUID> ids) {
      var missing = new ArrayList<UUID>();
      for (var id : ids) {
        if (!copies.containsKey(id) && !notPledges.contains(id)) {
          missing.add(id);
        }
      }
      if (missing.isEmpty()) {
        return;
      }
      load(missing).forEach(p -> copies.put(p.id(), p));
      missing.stream().filter(id -> !copies.containsKey(id)).forEach(notPledges::add);
    }

    private Payer payer(DonorCode donor) {
      var payer = payers.get(donor);
      if (payer == null) {
        payer = new Payer(donor);
        payers.put(donor, payer);
      }
      return payer;
    }

    /** One payer's open pledges, its agreement references and the amounts they may match. */
    private final class Payer {
      private final DonorCode donor;
      private final Map<String, TreeMap<BigDecimal, Set<UUID>>> byAmount = new HashMap<>();
      private final TreeMap<BigDecimal, Set<UUID>> byUsd = new TreeMap<>();
      private final Map<UUID, List<Runnable>> unindex = new HashMap<>();
      private Map<String, List<Agreement>> agreements;
      private int longestAgreement;

      Payer(DonorCode donor) {
        this(donor, loadOpen(donor, forImport), null);
      }

      /** With its open pledges, and its agreement references when read already (else: null). */
      Payer(DonorCode donor, List<Pledge> open, List<Agreement> agreed) {
        this.donor = donor;
        // these copies replace any read before (by id, unlocked): nothing has changed them yet
        for (var pledge : open) {
          copies.put(pledge.id(), pledge);
          index(pledge);
        }
        if (agreed != null) {
          indexAgreements(agreed);
        }
      }

      private void indexAgreements(List<Agreement> agreed) {
        agreements = new HashMap<>();
        for (var agreement : agreed) {
          if (agreement.token().length() >= 4) {
            agreements.computeIfAbsent(agreement.token(), t -> new ArrayList<>()).add(agreement);
            longestAgreement = Math.max(longestAgreement, agreement.token().length());
          }
        }
      }

      /** (Re)indexes a pledge's amounts: its outstanding amount and open instalments. */
      void index(Pledge pledge) {
        var before = unindex.remove(pledge.id());
        if (before != null) {
          before.forEach(Runnable::run);
        }
        if (!PAYABLE.contains(pledge.status())) {
          return;
        }
        var undo = new ArrayList<Runnable>();
        var inCurrency = byAmount.computeIfAbsent(pledge.amount().currency(), c -> new TreeMap<>());
        for (var target : targets(pledge)) {
          if (!target.outstanding().isPositive()) {
            continue;
          }
          undo.add(put(inCurrency, target.outstanding().amount(), pledge.id()));
          undo.add(
              put(
                  byUsd,
                  UnoreRate.atRate(target.outstanding(), pledge.valuation().unitsPerUsd()).amount(),
                  pledge.id()));
        }
        unindex.put(pledge.id(), undo);
      }

      private Runnable put(TreeMap<BigDecimal, Set<UUID>> index, BigDecimal key, UUID id) {
        index.computeIfAbsent(key, k -> new HashSet<>()).add(id);
        return () -> {
          var ids = index.get(key);
          if (ids != null) {
            ids.remove(id);
            if (ids.isEmpty()) {
              index.remove(key);
            }
          }
        };
      }

      /**
       * The pledges whose agreement reference the text contains as a whole word ("NOR-1997-1" is
       * not in "NOR-1997-12"), in the order the pledges were announced: each stretch of the text
       * between word boundaries is looked up, instead of each reference searched for.
       */
      List<UUID> agreementsIn(String text) {
        if (agreements == null) {
          indexAgreements(loadAgreements(donor));
        }
        if (agreements.isEmpty()) {
          return List.of();
        }
        String upper = text.toUpperCase(Locale.ROOT);
        var found = new TreeMap<Integer, UUID>();
        for (int start = 0; start < upper.length(); start++) {
          if (start > 0 && Character.isLetterOrDigit(upper.charAt(start - 1))) {
            continue;
          }
          int last = Math.min(upper.length(), start + longestAgreement);
          for (int end = start + 4; end <= last; end++) {
            if (end < upper.length() && Character.isLetterOrDigit(upper.charAt(end))) {
              continue;
            }
            var named = agreements.get(upper.substring(start, end));
            if (named != null) {
              named.forEach(a -> found.put(a.order(), a.pledgeId()));
            }
          }
        }
        return List.copyOf(found.values());
      }
    }
  }

  /** A pledge's agreement reference, upper-cased, as the remittance text is; order: as listed. */
  record Agreement(String token, UUID pledgeId, int order) {}

  /** A fresh set of copies for one import (one transaction): the payers' open pledges locked. */
  public OpenPledges openPledgesForImport() {
    return new OpenPledges(true);
  }

  /**
   * A cache for a page of waiting credits, filled at once: the payers' open pledges and agreement
   * references, and the pledges the credits name by id, one query each, so a page of the queue
   * costs the same few queries whatever its size (no query per credit).
   */
  public OpenPledges openPledgesOf(
      Collection<DonorCode> payers, Collection<String> referenceTexts) {
    var open = new OpenPledges(false);
    open.readAhead(payers, referenceTexts);
    return open;
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
            row -> {
              var agreements = byDonor.computeIfAbsent((DonorCode) row[0], d -> new ArrayList<>());
              agreements.add(
                  new Agreement(
                      ((String) row[1]).toUpperCase(Locale.ROOT),
                      (UUID) row[2],
                      agreements.size()));
            });
    return byDonor;
  }

  /** The donors' open pledges, unlocked copies (for questions, not for an import). */
  private List<Pledge> loadOpenOf(Collection<DonorCode> donors) {
    var open =
        em.createQuery(
                "select distinct p from Pledge p left join fetch p.instalments"
                    + " where p.donorCode in :donors and p.status in :payable"
                    + " order by p.announcedOn, p.id",
                Pledge.class)
            .setParameter("donors", donors)
            .setParameter("payable", PAYABLE)
            .getResultList();
    open.forEach(this::detach);
    return open;
  }

  private List<Agreement> loadAgreements(DonorCode donor) {
    var rows =
        em.createQuery(
                "select p.agreementReference, p.id from Pledge p"
                    + " where p.donorCode = :donor and p.agreementReference is not null"
                    + " order by p.announcedOn, p.id",
                Object[].class)
            .setParameter("donor", donor)
            .getResultList();
    var agreements = new ArrayList<Agreement>(rows.size());
    for (var row : rows) {
      agreements.add(
          new Agreement(
              ((String) row[0]).toUpperCase(Locale.ROOT), (UUID) row[1], agreements.size()));
    }
    return agreements;
  }

  private List<Pledge> loadOpen(DonorCode donor, boolean lock) {
    Set<UUID> locked = null;
    if (lock) {
      // locked in id order (as every import locks them), then read: what is read is what is held
      @SuppressWarnings("unchecked") // native query of one uuid column
      List<UUID> ids =
          em.createNativeQuery(
                  "select id from pledge where donor_code = ?1"
                      + " and status in ('COMMITTED', 'PARTIALLY_PAID') order by id for update",
                  UUID.class)
              .setParameter(1, donor.value())
              .getResultList();
      locked = new HashSet<>(ids);
    }
    var open =
        em.createQuery(
                "select distinct p from Pledge p left join fetch p.instalments"
                    + " where p.donorCode = :donor and p.status in :payable"
                    + " order by p.announcedOn, p.id",
                Pledge.class)
            .setParameter("donor", donor)
            .setParameter("payable", PAYABLE)
            .getResultList();
    var copies = new ArrayList<Pledge>(open.size());
    for (var pledge : open) {
      detach(pledge);
      // one that became payable between the lock and the read is not ours to pay
      if (locked == null || locked.contains(pledge.id())) {
        copies.add(pledge);
      }
    }
    return copies;
  }

  private List<Pledge> load(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    var found =
        em.createQuery(
                "select distinct p from Pledge p left join fetch p.instalments where p.id in :ids",
                Pledge.class)
            .setParameter("ids", ids)
            .getResultList();
    found.forEach(this::detach);
    return found;
  }

  /** A copy that answers questions (and takes an import's payments), never flushed. */
  private void detach(Pledge pledge) {
    pledge.instalments().size(); // read while managed
    em.detach(pledge);
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

  /** What a credit may match of a pledge: its outstanding amount, and each open instalment's. */
  private static List<Target> targets(Pledge pledge) {
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
    return targets;
  }

  /** The pledge's outstanding amount, or one of its open instalments, nearest the credit. */
  private Optional<Candidate> byAmount(Pledge pledge, Money amount, Money usd) {
    boolean sameCurrency = pledge.amount().isIn(amount.currency());
    if (!sameCurrency && usd == null) {
      return Optional.empty();
    }
    var targets = targets(pledge);
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
                  UnoreRate.atRate(target.outstanding(), pledge.valuation().unitsPerUsd())
                      .amount());
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
