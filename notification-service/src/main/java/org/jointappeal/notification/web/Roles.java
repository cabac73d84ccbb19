package org.jointappeal.notification.web;

/** Realm roles of the joint-appeal Keycloak realm. */
public final class Roles {
  public static final String APPEAL_MANAGER = "appeal-manager";
  public static final String DONOR = "donor";
  public static final String FINANCE_OFFICER = "finance-officer";
  public static final String AUDITOR = "auditor";

  private Roles() {}
}
