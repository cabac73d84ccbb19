package org.jointappeal.notification.stream;

import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jointappeal.notification.DonorScope;
import org.jointappeal.notification.web.CurrentCaller;
import org.jointappeal.notification.web.Roles;

/** Alert transitions as Server-Sent Events, filtered to what the caller may see. */
@Path("/alerts/stream")
public class AlertStreamResource {

  static final String EXAMPLE =
      """
      id: 42
      event: alert
      data: {"sequence":42,"alertId":"4c0a3a9e-8d65-4b8e-9a8f-0f2b1f7c2d10","transition":"FIRING",\
      "labels":{"appeal":"CIS-1997","kind":"funding-gap","level":"appeal","rule":"funding-gap",\
      "severity":"warning"},\
      "summary":"CIS-1997: 30 % funded (threshold 50 %), USD 12.4 M unmet, 50.14 % of the period elapsed",\
      "startsAt":"1997-07-02T10:15:00Z","endsAt":null}
      """;

  private final AlertFeed feed;
  private final CurrentCaller caller;
  private final Clock clock;

  AlertStreamResource(AlertFeed feed, CurrentCaller caller, Clock clock) {
    this.feed = feed;
    this.caller = caller;
    this.clock = clock;
  }

  @Operation(summary = "Follow alert transitions live (server-sent events)")
  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @RolesAllowed({Roles.FINANCE_OFFICER, Roles.APPEAL_MANAGER, Roles.AUDITOR, Roles.DONOR})
  @APIResponse(
      responseCode = "200",
      description =
          "Every alert that fires or resolves from now on; a donor sees only alerts labelled with"
              + " its donor code. The stream ends when the caller's token expires: reconnect with"
              + " a fresh token",
      content =
          @Content(
              mediaType = MediaType.SERVER_SENT_EVENTS,
              examples = @ExampleObject(name = "firing", value = EXAMPLE)))
  public Multi<OutboundSseEvent> streamAlerts(@Context Sse sse) {
    DonorScope scope = caller.donorScope(); // read now: the request scope ends with this method
    // the token authorised this request only until it expires: the stream ends there too
    Duration left =
        caller
            .tokenExpiresAt()
            .map(expiry -> Duration.between(clock.instant(), expiry))
            .orElse(null);
    Multi<AlertStreamEvent> events = feed.follow(scope);
    if (left != null) {
      events = until(events, left);
    }
    return events.map(
        event ->
            sse.newEventBuilder()
                .id(Long.toString(event.sequence()))
                .name("alert")
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(AlertStreamEvent.class, event)
                .build());
  }

  /**
   * The events until {@code left} has passed, then the end of the stream, cancelling the feed (so
   * the listener is gone too; Mutiny's {@code select().first(Duration)} completes without that).
   */
  private static Multi<AlertStreamEvent> until(Multi<AlertStreamEvent> events, Duration left) {
    if (left.isNegative() || left.isZero()) {
      return Multi.createFrom().empty();
    }
    Multi<Optional<AlertStreamEvent>> expiry =
        Multi.createFrom()
            .ticks()
            .startingAfter(left)
            .every(Duration.ofDays(1))
            .map(tick -> Optional.<AlertStreamEvent>empty());
    return Multi.createBy()
        .merging()
        .streams(events.map(Optional::of), expiry)
        .select()
        .first(Optional::isPresent)
        .map(Optional::get);
  }
}
