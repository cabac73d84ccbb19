package org.jointappeal.appeal.funding;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

/** JSON unless the caller prefers CSV (Accept: text/csv). */
final class FundingRepresentation {

  private static final MediaType CSV = MediaType.valueOf(FundingResource.CSV);

  private FundingRepresentation() {}

  static RestResponse<Object> of(FundingStatus status, HttpHeaders headers) {
    for (MediaType accepted : headers.getAcceptableMediaTypes()) {
      if (accepted.isWildcardType()) {
        break;
      }
      if (accepted.isCompatible(CSV)) {
        return RestResponse.ResponseBuilder.<Object>ok(FundingCsv.render(status), CSV).build();
      }
      if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
        break;
      }
    }
    return RestResponse.ResponseBuilder.<Object>ok(status, MediaType.APPLICATION_JSON_TYPE).build();
  }
}
