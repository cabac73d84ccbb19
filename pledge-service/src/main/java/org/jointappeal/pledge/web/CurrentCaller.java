package org.jointappeal.pledge.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.ForbiddenException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jointappeal.pledge.DonorCode;
import org.jointappeal.pledge.DonorScope;

/** The one place that reads who is calling. */
@RequestScoped
public class CurrentCaller {

  private final SecurityIdentity identity;
  private final JsonWebToken token;

  CurrentCaller(SecurityIdentity identity, JsonWebToken token) {
    this.identity = identity;
    this.token = token;
  }

  /** The donor role always narrows, whatever other roles the token holds. */
  public DonorScope donorScope() {
    if (!identity.hasRole(Roles.DONOR)) {
      return DonorScope.everyone();
    }
    String code = token.getClaim("donor_code");
    if (code == null) {
      throw new ForbiddenException("a donor token must carry donor_code");
    }
    try {
      return DonorScope.only(DonorCode.of(code));
    } catch (IllegalArgumentException e) {
      throw new ForbiddenException("the token's donor_code is not a donor code");
    }
  }

  /**
   * The token's subject: who did it, in the history and as the scope of idempotency keys. Not the
   * principal's name, which Quarkus takes from {@code upn} or {@code preferred_username}: a user
   * name can be changed in Keycloak, or given to someone else, and would then merge two people's
   * keys and history; {@code sub} never changes. The principal's name only without a token.
   */
  public String subject() {
    if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
      return jwt.getSubject();
    }
    return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
  }
}
