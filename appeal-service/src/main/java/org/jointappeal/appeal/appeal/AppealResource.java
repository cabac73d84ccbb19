package org.jointappeal.appeal.appeal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.jointappeal.appeal.web.IfMatch;
import org.jointappeal.appeal.web.Roles;

@Path("/appeals")
@Produces(MediaType.APPLICATION_JSON)
public class AppealResource {

  private final AppealService appeals;

  AppealResource(AppealService appeals) {
    this.appeals = appeals;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.APPEAL_MANAGER)
  @APIResponse(responseCode = "201", description = "Draft appeal created")
  @APIResponse(responseCode = "409", description = "An appeal with this code exists")
  @APIResponse(responseCode = "422", description = "An appeal rule was violated")
  public RestResponse<AppealView> create(@NotNull @Valid CreateAppealRequest request, UriInfo uri) {
    var appeal = appeals.create(request);
    return RestResponse.ResponseBuilder.<AppealView>created(
            uri.getAbsolutePathBuilder().path(appeal.code()).build())
        .entity(appeal)
        .tag(etag(appeal))
        .build();
  }

  @POST
  @Path("/{code}/launch")
  @RolesAllowed(Roles.APPEAL_MANAGER)
  @APIResponse(responseCode = "200", description = "The appeal is launched and published")
  @APIResponse(responseCode = "409", description = "If-Match names an older version")
  @APIResponse(responseCode = "422", description = "Not a draft, or no requirement lines")
  public RestResponse<AppealView> launch(
      @PathParam("code") String code, @HeaderParam("If-Match") String ifMatch) {
    var appeal = appeals.launch(code, IfMatch.expectedVersion(ifMatch));
    return RestResponse.ResponseBuilder.ok(appeal).tag(etag(appeal)).build();
  }

  @GET
  @Path("/{code}")
  @RolesAllowed({Roles.APPEAL_MANAGER, Roles.FINANCE_OFFICER, Roles.AUDITOR, Roles.DONOR})
  @APIResponse(responseCode = "200", description = "The appeal with its requirement lines")
  @APIResponse(responseCode = "404", description = "No such appeal")
  public RestResponse<AppealView> get(@PathParam("code") String code) {
    var appeal = appeals.find(code);
    return RestResponse.ResponseBuilder.ok(appeal).tag(etag(appeal)).build();
  }

  @GET
  @RolesAllowed({Roles.APPEAL_MANAGER, Roles.FINANCE_OFFICER, Roles.AUDITOR, Roles.DONOR})
  public List<AppealView> list() {
    return appeals.list();
  }

  private static EntityTag etag(AppealView appeal) {
    return new EntityTag(Long.toString(appeal.version()));
  }
}
