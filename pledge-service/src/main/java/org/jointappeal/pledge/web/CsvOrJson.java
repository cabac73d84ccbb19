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
    if (prefersCsv(headers)) {
      return csv(csvOf.apply(view));
    }
    return RestResponse.ResponseBuilder.<Object>ok(view, MediaType.APPLICATION_JSON_TYPE).build();
  }

  /** Whether the caller asks for CSV: a view that pages its JSON builds its CSV whole. */
  public static boolean prefersCsv(HttpHeaders headers) {
    var csv = MediaType.valueOf(CSV);
    for (MediaType accepted : headers.getAcceptableMediaTypes()) {
      if (accepted.isWildcardType()) {
        return false;
      }
      if (accepted.isCompatible(csv)) {
        return true;
      }
      if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
        return false;
      }
    }
    return false;
  }

  public static RestResponse<Object> csv(String body) {
    return RestResponse.ResponseBuilder.<Object>ok(body, MediaType.valueOf(CSV)).build();
  }
}
