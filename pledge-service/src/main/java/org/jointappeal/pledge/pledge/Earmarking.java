package org.jointappeal.pledge.pledge;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.ArrayList;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jointappeal.pledge.DomainRule;
import org.jointappeal.pledge.DomainRuleViolation;
import org.jointappeal.pledge.known.KnownAppeal;
import org.jointappeal.pledge.known.KnownLine;

/**
 * A pledge's earmarking, checked against the appeal's requirement lines as pledge-service knows
 * them. A tightly earmarked pledge also carries its line's agency, country and sector.
 */
@Embeddable
public record Earmarking(
    @Enumerated(EnumType.STRING) @Column(name = "earmark_level", nullable = false, length = 20)
        EarmarkingLevel level,
    @Column(name = "earmark_agency", length = 32) String agency,
    @Column(name = "earmark_country", length = 3) String country,
    @Column(name = "earmark_sector", length = 40) String sector,
    @Column(name = "earmark_line_id") UUID requirementLineId) {

  static Earmarking against(KnownAppeal appeal, EarmarkingRequest request) {
    var r = request == null ? EarmarkingRequest.UNEARMARKED : request;
    switch (r.level()) {
      case UNEARMARKED -> {
        allowOnly(r, false, false, false, false);
        return new Earmarking(EarmarkingLevel.UNEARMARKED, null, null, null, null);
      }
      case SOFTLY_EARMARKED -> {
        allowOnly(r, true, true, false, false);
        if (r.agency() == null && r.country() == null) {
          throw inconsistent("SOFTLY_EARMARKED names an agency, a country or both");
        }
        requireLine(
            appeal,
            l -> matches(r.agency(), l.agency()) && matches(r.country(), l.country()),
            describe(r));
        return new Earmarking(r.level(), r.agency(), r.country(), null, null);
      }
      case EARMARKED -> {
        allowOnly(r, true, true, true, false);
        if (r.country() == null || r.sector() == null) {
          throw inconsistent("EARMARKED names a country and a sector");
        }
        requireLine(
            appeal,
            l ->
                matches(r.agency(), l.agency())
                    && r.country().equals(l.country())
                    && r.sector().equals(l.sector()),
            describe(r));
        return new Earmarking(r.level(), r.agency(), r.country(), r.sector(), null);
      }
      case TIGHTLY_EARMARKED -> {
        allowOnly(r, false, false, false, true);
        if (r.requirementLineId() == null) {
          throw inconsistent("TIGHTLY_EARMARKED names a requirementLineId");
        }
        var line =
            requireLine(
                appeal,
                l -> l.lineId().equals(r.requirementLineId()),
                "requirement line " + r.requirementLineId());
        return new Earmarking(
            r.level(), line.agency(), line.country(), line.sector(), line.lineId());
      }
      default -> throw new IllegalStateException("unknown earmarking level " + r.level());
    }
  }

  private static boolean matches(String wantedOrNull, String actual) {
    return wantedOrNull == null || wantedOrNull.equals(actual);
  }

  private static KnownLine requireLine(
      KnownAppeal appeal, Predicate<KnownLine> wanted, String target) {
    return appeal.lines().stream()
        .filter(wanted)
        .findFirst()
        .orElseThrow(
            () ->
                DomainRuleViolation.of(
                    DomainRule.EARMARKING_TARGET_UNKNOWN,
                    "appeal %s has no requirement line for %s".formatted(appeal.code(), target)));
  }

  private static void allowOnly(
      EarmarkingRequest r, boolean agency, boolean country, boolean sector, boolean line) {
    if ((!agency && r.agency() != null)
        || (!country && r.country() != null)
        || (!sector && r.sector() != null)
        || (!line && r.requirementLineId() != null)) {
      var allowed =
          Stream.of(
                  agency ? "agency" : null,
                  country ? "country" : null,
                  sector ? "sector" : null,
                  line ? "requirementLineId" : null)
              .filter(Objects::nonNull)
              .toList();
      throw inconsistent(
          allowed.isEmpty()
              ? r.level() + " names no target"
              : r.level() + " takes only " + String.join(", ", allowed));
    }
  }

  private static String describe(EarmarkingRequest r) {
    var parts = new ArrayList<String>();
    if (r.agency() != null) parts.add("agency " + r.agency());
    if (r.country() != null) parts.add("country " + r.country());
    if (r.sector() != null) parts.add("sector " + r.sector());
    return String.join(", ", parts);
  }

  private static DomainRuleViolation inconsistent(String detail) {
    return DomainRuleViolation.of(DomainRule.EARMARKING_INCONSISTENT, detail);
  }
}
