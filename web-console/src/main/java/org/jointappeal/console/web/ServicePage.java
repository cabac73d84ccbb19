package org.jointappeal.console.web;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One page of a service's list (docs/problems.md#paging): its items, and the cursor of the next
 * page taken from the answer's {@code Link rel="next"} (null on the last page). A console page
 * shows one service page of a list at a time and, while more follow, a "Next page" link to itself
 * that carries that cursor: a user pages through a long list as through any table, and no request
 * of the console grows with the list.
 */
public record ServicePage(List<Map<String, Object>> items, String nextCursor) {

  /** Items per page: the services' default page. */
  public static final int SIZE = 100;

  private static final Pattern NEXT = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"next\"");

  /** The page in a service's answer, or its problem. */
  public static ServicePage of(Response response) {
    String link = response.getHeaderString("Link"); // before the body is read and closed
    return new ServicePage(ServiceAnswers.list(response), cursorOf(link));
  }

  /** The {@code cursor} of the next page's link; null without one. */
  public static String cursorOf(String linkHeader) {
    if (linkHeader == null) {
      return null;
    }
    var next = NEXT.matcher(linkHeader);
    if (!next.find()) {
      return null;
    }
    String query = URI.create(next.group(1)).getRawQuery();
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      if (pair.startsWith("cursor=")) {
        return URLDecoder.decode(pair.substring("cursor=".length()), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  public boolean hasNext() {
    return nextCursor != null;
  }

  /**
   * The console's own address of the next page ({@code path} with {@code parameter} set to the next
   * cursor and the other {@code query} values kept), or null on the last page.
   */
  public String nextHref(String path, String parameter, Map<String, String> query) {
    if (nextCursor == null) {
      return null;
    }
    var values = new LinkedHashMap<>(query);
    values.put(parameter, nextCursor);
    return href(path, values);
  }

  /**
   * On a later page of the list whose cursor is {@code parameter}: the console's address of its
   * first page (the other {@code query} values kept); on its first page, null.
   */
  public static String firstHref(String path, String parameter, Map<String, String> query) {
    String cursor = query.get(parameter);
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    var values = new LinkedHashMap<>(query);
    values.remove(parameter);
    return href(path, values);
  }

  /** {@code path} with the query's non-blank values, each encoded. */
  public static String href(String path, Map<String, String> query) {
    var href = new StringBuilder(path);
    char separator = '?';
    for (var entry : query.entrySet()) {
      if (entry.getValue() == null || entry.getValue().isBlank()) {
        continue;
      }
      href.append(separator)
          .append(URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8));
      separator = '&';
    }
    return href.toString();
  }
}
