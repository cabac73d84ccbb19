package org.jointappeal.notification.web;

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

  /** The token's subject (the author of a silence); the principal's name without one. */
  public String subject() {
    if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
      return token.getSubject();
    }
    return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
  }
}
