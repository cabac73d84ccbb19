package org.jointappeal.console.services;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Sends the logged-in user's own access token (kept in the encrypted session cookie) with every
 * call to a service, so that every authorization decision stays in the services. The console has no
 * token of its own. (quarkus-rest-client-oidc-token-propagation does the same, but its parent POM
 * is not served by the repository this project builds from.)
 */
@ApplicationScoped
public class AccessTokenPropagation implements ClientRequestFilter {

  @Inject CurrentIdentityAssociation identity;

  @Override
  public void filter(ClientRequestContext request) {
    var token = identity.getIdentity().getCredential(AccessTokenCredential.class);
    if (token != null) {
      request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token.getToken());
    }
  }
}
