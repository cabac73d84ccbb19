package org.jointappeal.pledge.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * One view, two representations: JSON unless the caller's Accept header prefers CSV (the first type
 * it names decides; a wildcard or JSON before CSV keeps JSON).
 */
public final class CsvOrJson {

  public static final String CSV = "text/csv";

  private CsvOrJson() {}

  public static <T> RestResponse<Object> represent(
      T view, HttpHeaders headers, Function<T, String> csvOf) {
    var csv = MediaType.valueOf(CSV);
    for (MediaType accepted : headers.getAcceptableMediaTypes()) {
      if (accepted.isWildcardType()) {
        break;
      }
      if (accepted.isCompatible(csv)) {
        return RestResponse.ResponseBuilder.<Object>ok(csvOf.apply(view), csv).build();
      }
      if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
        break;
      }
    }
    return RestResponse.ResponseBuilder.<Object>ok(view, MediaType.APPLICATION_JSON_TYPE).build();
  }
}
