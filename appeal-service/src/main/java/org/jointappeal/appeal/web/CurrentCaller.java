package org.jointappeal.appeal.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The one place that reads who is calling. */
@RequestScoped
public class CurrentCaller {

  private final SecurityIdentity identity;

  CurrentCaller(SecurityIdentity identity) {
    this.identity = identity;
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
