package org.jointappeal.appeal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Follows a list's {@code Link rel="next"} from the page asked for, as a client would. */
public final class Pages {

  private static final Pattern NEXT = Pattern.compile("^<([^>]+)>; rel=\"next\"$");

  private Pages() {}

  /** Every page from {@code first} to the last one: each page's values at {@code path}. */
  public static <T> List<List<T>> all(String first, String path) {
    return until(first, path, page -> false);
  }

  /**
   * The pages from {@code first} up to the last one or the first page that {@code enough} accepts
   * (that one included): for a list too long to walk whole in a test.
   */
  public static <T> List<List<T>> until(String first, String path, Predicate<List<T>> enough) {
    var pages = new ArrayList<List<T>>();
    String uri = first;
    while (uri != null) {
      assertThat(pages).as("pages followed from %s", first).hasSizeLessThan(1000);
      var answer = given().when().get(URI.create(uri)).then().statusCode(200).extract();
      List<T> values = answer.path(path);
      pages.add(values);
      String link = answer.header("Link");
      uri = null;
      if (link != null) {
        var next = NEXT.matcher(link);
        assertThat(next.matches()).as("Link header %s", link).isTrue();
        assertThat(values).as("a page with a next link is not empty").isNotEmpty();
        uri = next.group(1);
      }
      if (enough.test(values)) {
        break;
      }
    }
    return pages;
  }

  public static <T> List<T> flat(List<List<T>> pages) {
    return pages.stream().flatMap(List::stream).toList();
  }
}
