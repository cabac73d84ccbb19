package org.jointappeal.notification.alert;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jointappeal.notification.web.Roles;

@Path("/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

  private final AlertService alerts;

  AlertResource(AlertService alerts) {
    this.alerts = alerts;
  }

  @GET
  @RolesAllowed({Roles.FINANCE_OFFICER, Roles.APPEAL_MANAGER, Roles.AUDITOR})
  @APIResponse(responseCode = "200", description = "Alerts, newest first")
  public List<AlertView> searchAlerts(
      @QueryParam("status") AlertStatus status,
      @QueryParam("appealCode") @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,31}") String appealCode,
      @QueryParam("rule") @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}") String rule) {
    return alerts.search(status, appealCode, rule);
  }

  @GET
  @Path("/{alertId}")
  @RolesAllowed({Roles.FINANCE_OFFICER, Roles.APPEAL_MANAGER, Roles.AUDITOR})
  @APIResponse(responseCode = "200", description = "One alert")
  @APIResponse(responseCode = "404", description = "No such alert")
  public AlertView getAlert(@PathParam("alertId") UUID alertId) {
    return alerts.find(alertId);
  }
}
