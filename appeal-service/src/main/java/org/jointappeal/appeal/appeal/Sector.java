package org.jointappeal.appeal.appeal;

/**
 * The sectors of the CIS Programme of Action's national implementation plans
 * (docs/vocabularies.md).
 */
public enum Sector {
  PROTECTION,
  EMERGENCY_ASSISTANCE,
  INTEGRATION_ASSISTANCE,
  MIGRATION_MANAGEMENT,
  MIGRATION_ASSISTANCE,
  CAPACITY_BUILDING,
  RESEARCH_AND_INFORMATION
}
