package org.jointappeal.pledge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Walks a paged list (docs/problems.md#paging) by its Link rel="next", as a client does. */
public final class Pages {

  private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

  private Pages() {}

  /**
   * One page, which must answer 200. The address is sent as it is: a next link is already encoded
   * (a knownAt's colons are %3A), and encoding it again would change it.
   */
  public static ExtractableResponse<Response> get(String uri) {
    return given()
        .urlEncodingEnabled(false)
        .when()
        .get(URI.create(uri))
        .then()
        .statusCode(200)
        .extract();
  }

  /** The next page's URI, or null on the last page. */
  public static String next(ExtractableResponse<Response> page) {
    String link = page.header("Link");
    if (link == null) {
      return null;
    }
    var matcher = NEXT.matcher(link);
    assertThat(matcher.find()).as("Link header %s", link).isTrue();
    return matcher.group(1);
  }

  /** Every page from the first, in order. */
  public static List<JsonPath> all(String first) {
    var pages = new ArrayList<JsonPath>();
    for (String uri = first; uri != null; ) {
      var page = get(uri);
      pages.add(page.jsonPath());
      uri = next(page);
    }
    return pages;
  }

  /** A field of every item of every page, in order: {@code values("/donors?limit=2", "code")}. */
  public static <T> List<T> values(String first, String field) {
    var values = new ArrayList<T>();
    for (var page : all(first)) {
      values.addAll(page.<T>getList(field));
    }
    return values;
  }
}
