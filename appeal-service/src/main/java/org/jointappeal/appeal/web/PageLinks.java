package org.jointappeal.appeal.web;

import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestResponse;
import org.jointappeal.appeal.paging.Cursor;
import org.jointappeal.appeal.paging.Page;

/**
 * Every list pages the same way: {@code limit} (default 100, at most 1,000) and an opaque {@code
 * cursor}; a {@code Link: <...>; rel="next"} header while there is more. The body stays a JSON
 * array.
 */
public final class PageLinks {

  public static final String LIMIT =
      "How many items at most: 1 to 1000, default 100 (outside that range: 422"
          + " invalid-page-request)";
  public static final String CURSOR =
      "Where the page starts: copy it from the previous page's Link rel=\"next\"; opaque";
  public static final String LINK =
      "<...?limit=100&cursor=...>; rel=\"next\" while more items follow; absent on the last page";

  private PageLinks() {}

  public static <T> RestResponse<List<T>> respond(Page<T> page, UriInfo uri) {
    return respond(page.items(), page.next(), uri);
  }

  /**
   * A body that holds a page of rows with figures about all of them (a donor's reconciliation): the
   * same Link header as a list's.
   */
  public static <T> RestResponse<T> respond(T body, Optional<Cursor> next, UriInfo uri) {
    var response = RestResponse.ResponseBuilder.ok(body);
    next.ifPresent(
        cursor ->
            response.header(
                "Link",
                "<"
                    + uri.getRequestUriBuilder()
                        .replaceQueryParam("cursor", cursor.encode())
                        .build()
                    + ">; rel=\"next\""));
    return response.build();
  }
}
