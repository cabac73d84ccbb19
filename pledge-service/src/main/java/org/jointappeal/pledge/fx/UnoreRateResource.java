package org.jointappeal.pledge.fx;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;
import org.jointappeal.pledge.web.Roles;

/**
 * UN operational rates of exchange, as finance officers load them from the UN Treasury's tables.
 */
@Path("/exchange-rates")
public class UnoreRateResource {

  private final UnoreRateService rates;

  UnoreRateResource(UnoreRateService rates) {
    this.rates = rates;
  }

  @PUT
  @Path("/{currency}/{effectiveFrom}")
  @RolesAllowed(Roles.FINANCE_OFFICER)
  public RestResponse<RateView> record(
      @PathParam("currency") @Pattern(regexp = "[A-Z]{3}") String currency,
      @PathParam("effectiveFrom") LocalDate effectiveFrom,
      @NotNull @Valid RecordRateRequest request,
      UriInfo uri) {
    var recorded = rates.record(currency, effectiveFrom, request.unitsPerUsd());
    return recorded.created()
        ? RestResponse.ResponseBuilder.<RateView>created(uri.getAbsolutePath())
            .entity(recorded.rate())
            .build()
        : RestResponse.ok(recorded.rate());
  }

  @GET
  @RolesAllowed({Roles.FINANCE_OFFICER, Roles.AUDITOR, Roles.APPEAL_MANAGER})
  public List<RateView> list(
      @QueryParam("currency") @Pattern(regexp = "[A-Z]{3}") String currency) {
    return rates.list(currency);
  }
}
