package org.jointappeal.appeal.funding;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jointappeal.appeal.web.Roles;

@Path("/appeals/{code}/funding")
@Produces(MediaType.APPLICATION_JSON)
public class FundingResource {

  private final FundingService funding;

  FundingResource(FundingService funding) {
    this.funding = funding;
  }

  @GET
  @RolesAllowed({Roles.APPEAL_MANAGER, Roles.FINANCE_OFFICER, Roles.AUDITOR, Roles.DONOR})
  @APIResponse(
      responseCode = "200",
      description = "Requirements, pledged, committed, paid, funding, coverage, unmet")
  @APIResponse(responseCode = "404", description = "No such appeal")
  public FundingFigures get(@PathParam("code") String code) {
    return funding.figures(code);
  }
}
