package org.jointappeal.console.web;

import io.quarkus.oidc.IdToken;
import io.quarkus.qute.TemplateData;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is looking at a page: what the navigation offers. It decides nothing: every figure comes from
 * a service called with the viewer's own token, which decides what the viewer may see.
 */
@TemplateData
@RequestScoped
public class Viewer {

  public static final String DONOR = "donor";
  public static final String FINANCE_OFFICER = "finance-officer";
  public static final String APPEAL_MANAGER = "appeal-manager";
  public static final String AUDITOR = "auditor";

  @Inject SecurityIdentity identity;
  @Inject @IdToken JsonWebToken idToken;

  public boolean isLoggedIn() {
    return !identity.isAnonymous();
  }

  public String name() {
    if (!isLoggedIn()) {
      return null;
    }
    Object name = idToken.getClaim("preferred_username");
    return name == null ? identity.getPrincipal().getName() : name.toString();
  }

  /** The donor code the viewer acts for, if it is a donor. */
  public String donorCode() {
    if (!isDonor()) {
      return null;
    }
    Object code = idToken.getClaim("donor_code");
    return code == null ? null : code.toString();
  }

  public boolean isDonor() {
    return identity.hasRole(DONOR);
  }

  public boolean isFinanceOfficer() {
    return identity.hasRole(FINANCE_OFFICER);
  }

  public boolean isAppealManager() {
    return identity.hasRole(APPEAL_MANAGER);
  }

  public boolean isAuditor() {
    return identity.hasRole(AUDITOR);
  }

  /**
   * Roles that may read an appeal's audit history (appeal-service decides; this hides the link).
   */
  public boolean mayReadAppealHistory() {
    return isAppealManager() || isFinanceOfficer() || isAuditor();
  }

  public String roleName() {
    if (isFinanceOfficer()) {
      return "finance officer";
    }
    if (isAppealManager()) {
      return "appeal manager";
    }
    if (isAuditor()) {
      return "auditor";
    }
    if (isDonor()) {
      return "donor " + (donorCode() == null ? "" : donorCode());
    }
    return "";
  }
}
