package org.jointappeal.notification.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.ForbiddenException;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jointappeal.notification.DonorScope;

/** The one place that reads who is calling. */
@RequestScoped
public class CurrentCaller {

  private static final Pattern DONOR_CODE = Pattern.compile("[A-Z]{3}");

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

  /**
   * When the caller's token expires ({@code exp}); empty without one. A stream that outlives its
   * request ends there.
   */
  public Optional<Instant> tokenExpiresAt() {
    if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0) {
      return Optional.of(Instant.ofEpochSecond(jwt.getExpirationTime()));
    }
    return Optional.empty();
  }

  /** The donor role always narrows, whatever other roles the token holds. */
  public DonorScope donorScope() {
    if (!identity.hasRole(Roles.DONOR)) {
      return DonorScope.everyone();
    }
    Object code =
        identity.getPrincipal() instanceof JsonWebToken token
            ? token.getClaim("donor_code")
            : identity.getAttribute("donor_code");
    if (code == null || !DONOR_CODE.matcher(code.toString()).matches()) {
      throw new ForbiddenException("a donor token must carry a donor_code");
    }
    return DonorScope.only(code.toString());
  }
}
