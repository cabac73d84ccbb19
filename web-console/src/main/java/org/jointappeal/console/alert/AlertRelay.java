package org.jointappeal.console.alert;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.jointappeal.console.services.AlertStream;
import org.jointappeal.console.web.ServicePage;

/**
 * The console's own Server-Sent Events: notification-service's {@code /alerts/stream}, opened with
 * the logged-in user's token (so scoped exactly as the service scopes it: a donor hears only its
 * own alerts) and relayed as the HTML of the alerts firing, which htmx swaps into the home page.
 * The browser holds only its session cookie, never a token.
 */
@Path("/live/alerts")
public class AlertRelay {

  private static final Logger LOG = Logger.getLogger(AlertRelay.class);
  static final String EVENT = "alerts";

  @Inject @RestClient AlertStream stream;
  @Inject SecurityIdentity identity;

  @Inject
  @Location("alerts.html")
  Template alerts;

  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public Multi<OutboundSseEvent> follow(@Context Sse sse) {
    // read now: the stream outlives this request
    String bearer = "Bearer " + identity.getCredential(AccessTokenCredential.class).getToken();
    Multi<Object> changes =
        stream
            .follow(bearer)
            .onItem()
            .transform(event -> (Object) event.id())
            .onFailure()
            .invoke(e -> LOG.debugf("alert stream ended: %s", e.toString()));
    // the list as it is now first: a change between the page's rendering and this connection
    // is not lost
    return Multi.createBy()
        .concatenating()
        .streams(Multi.createFrom().item("now"), changes)
        .onItem()
        .transformToUniAndConcatenate(change -> render(bearer))
        .map(html -> sse.newEventBuilder().name(EVENT).data(html).build());
  }

  private Uni<String> render(String bearer) {
    return Uni.createFrom()
        .item(
            () -> {
              // the newest page of the alerts firing, as on the home page
              var firing = ServicePage.of(stream.alerts(bearer, "FIRING"));
              return alerts
                  .data("alerts", firing.items())
                  .data("moreAlerts", firing.hasNext())
                  .render()
                  // one line: each SSE data line is rejoined by the browser anyway
                  .replace('\n', ' ');
            })
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
  }
}
