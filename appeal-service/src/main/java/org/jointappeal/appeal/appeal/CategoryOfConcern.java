package org.jointappeal.appeal.appeal;

/** The categories of concern named in the 1996 CIS Programme of Action (docs/vocabularies.md). */
public enum CategoryOfConcern {
  REFUGEES,
  INTERNALLY_DISPLACED_PERSONS,
  REPATRIANTS,
  INVOLUNTARILY_RELOCATING_PERSONS,
  RETURNEES,
  FORMERLY_DEPORTED_PEOPLES,
  ECOLOGICAL_MIGRANTS,
  ILLEGAL_MIGRANTS
}
