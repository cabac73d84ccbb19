package org.jointappeal.notification.alert;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.jointappeal.notification.paging.PageRequest;
import org.jointappeal.notification.web.CurrentCaller;
import org.jointappeal.notification.web.PageLinks;
import org.jointappeal.notification.web.Roles;

@Path("/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

  private final AlertService alerts;
  private final AlertNotifications notifications;
  private final CurrentCaller caller;

  AlertResource(AlertService alerts, AlertNotifications notifications, CurrentCaller caller) {
    this.alerts = alerts;
    this.notifications = notifications;
    this.caller = caller;
  }

  @Operation(summary = "List alerts by status, appeal or rule, newest first")
  @GET
  @RolesAllowed({Roles.FINANCE_OFFICER, Roles.APPEAL_MANAGER, Roles.AUDITOR, Roles.DONOR})
  @APIResponse(
      responseCode = "200",
      description =
          "A page of alerts, newest first (then by id); a donor sees only alerts labelled with"
              + " its donor code",
      headers = @Header(name = "Link", description = PageLinks.LINK),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = AlertView.class),
              examples = @ExampleObject(name = "firing", value = AlertExamples.ALERTS)))
  @APIResponse(responseCode = "422", description = "limit out of range, or a cursor not ours")
  public RestResponse<List<AlertView>> searchAlerts(
      @QueryParam("state") AlertStatus state,
      @QueryParam("appeal") @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,31}") String appeal,
      @QueryParam("rule") @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}") String rule,
      @Parameter(description = "Older name of state") @QueryParam("status") AlertStatus status,
      @Parameter(description = "Older name of appeal")
          @QueryParam("appealCode")
          @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,31}")
          String appealCode,
      @Parameter(description = PageLinks.LIMIT) @QueryParam("limit") String limit,
      @Parameter(description = PageLinks.CURSOR) @QueryParam("cursor") String cursor,
      UriInfo uri) {
    return PageLinks.respond(
        alerts.search(
            either("state", state, status),
            either("appeal", appeal, appealCode),
            rule,
            caller.donorScope(),
            PageRequest.of(limit, cursor)),
        uri);
  }

  /** The names (state, appeal) and the first release's (status, appealCode) both work. */
  private static <T> T either(String name, T value, T olderName) {
    if (value != null && olderName != null && !value.equals(olderName)) {
      throw new BadRequestException(name + " and its older name disagree");
    }
    return value != null ? value : olderName;
  }

  @Operation(summary = "Read an alert with the first page of its notifications")
  @GET
  @Path("/{alertId}")
  @RolesAllowed({Roles.FINANCE_OFFICER, Roles.APPEAL_MANAGER, Roles.AUDITOR, Roles.DONOR})
  @APIResponse(
      responseCode = "200",
      description =
          "One alert with the first page of its notification log (a donor sees only its own"
              + " subscriptions' entries); notificationsNext says where the log goes on",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AlertDetailView.class),
              examples = @ExampleObject(name = "notified", value = AlertExamples.NOTIFIED_ALERT)))
  @APIResponse(
      responseCode = "404",
      description = "No such alert, or (to a donor) one not about its pledges")
  public AlertDetailView getAlert(@PathParam("alertId") UUID alertId, UriInfo uri) {
    var alert = alerts.find(alertId, caller.donorScope());
    var log =
        notifications.ofAlert(
            alertId, onlyOwnSubscriptions(), PageRequest.first(PageRequest.DEFAULT_LIMIT));
    String next =
        log.next()
            .map(
                cursor ->
                    uri.getBaseUriBuilder()
                        .path("alerts/{alertId}/notifications")
                        .queryParam("cursor", cursor.encode())
                        .build(alertId)
                        .toString())
            .orElse(null);
    return new AlertDetailView(alert, log.items(), next);
  }

  @Operation(summary = "List an alert's notifications and their deliveries")
  @GET
  @Path("/{alertId}/notifications")
  @RolesAllowed({Roles.FINANCE_OFFICER, Roles.APPEAL_MANAGER, Roles.AUDITOR, Roles.DONOR})
  @APIResponse(
      responseCode = "200",
      description =
          "A page of the alert's notification log, oldest first (then by transition, sequence,"
              + " subscription); a donor sees only its own subscriptions' entries",
      headers = @Header(name = "Link", description = PageLinks.LINK),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(type = SchemaType.ARRAY, implementation = NotificationLogEntry.class),
              examples = @ExampleObject(name = "notified", value = AlertExamples.NOTIFICATION_LOG)))
  @APIResponse(
      responseCode = "404",
      description = "No such alert, or (to a donor) one not about its pledges")
  @APIResponse(responseCode = "422", description = "limit out of range, or a cursor not ours")
  public RestResponse<List<NotificationLogEntry>> listAlertNotifications(
      @PathParam("alertId") UUID alertId,
      @Parameter(description = PageLinks.LIMIT) @QueryParam("limit") String limit,
      @Parameter(description = PageLinks.CURSOR) @QueryParam("cursor") String cursor,
      UriInfo uri) {
    var page = PageRequest.of(limit, cursor);
    alerts.find(alertId, caller.donorScope()); // 404 before any log: out of scope reads as missing
    return PageLinks.respond(notifications.ofAlert(alertId, onlyOwnSubscriptions(), page), uri);
  }

  /** A donor reads the delivery log of its own subscriptions only; staff read all of it. */
  private String onlyOwnSubscriptions() {
    return caller.donorScope().restrictedTo().isPresent() ? caller.subject() : null;
  }
}
