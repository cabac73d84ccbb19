package org.jointappeal.pledge.pledge;

/** Grand Bargain earmarking categories: money is counted at the level it is earmarked to. */
public enum EarmarkingLevel {
  /** The agencies decide. */
  UNEARMARKED,
  /** To an agency and/or a country, not a specific line. */
  SOFTLY_EARMARKED,
  /** To a country and a sector (optionally an agency). */
  EARMARKED,
  /** To one requirement line. */
  TIGHTLY_EARMARKED
}
