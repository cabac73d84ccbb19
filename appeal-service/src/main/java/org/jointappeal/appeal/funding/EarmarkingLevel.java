package org.jointappeal.appeal.funding;

/** Grand Bargain earmarking levels; money counts at the level it is earmarked to. */
public enum EarmarkingLevel {
  /** The agency decides: counts at appeal level only. */
  UNEARMARKED,
  /** To an agency and/or a country (or the region, XRG): counts there, not on lines. */
  SOFTLY_EARMARKED,
  /** To a country and a sector. */
  EARMARKED,
  /** To one requirement line. */
  TIGHTLY_EARMARKED;

  /** Absent or a level this service does not know: the money is not earmarked for it. */
  static EarmarkingLevel parse(String level) {
    if (level == null) {
      return UNEARMARKED;
    }
    for (EarmarkingLevel l : values()) {
      if (l.name().equals(level)) {
        return l;
      }
    }
    return UNEARMARKED;
  }
}
