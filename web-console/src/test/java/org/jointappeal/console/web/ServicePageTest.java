package org.jointappeal.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServicePageTest {

  @Test
  void theNextCursorIsTakenFromTheLinkHeader() {
    assertThat(
            ServicePage.cursorOf(
                "<http://127.0.0.1:8081/appeals/CIS-1997/history?limit=100&cursor=MTI%3D>;"
                    + " rel=\"next\""))
        .isEqualTo("MTI=");
  }

  @Test
  void theLastPageHasNoNextCursor() {
    assertThat(ServicePage.cursorOf(null)).isNull();
    assertThat(ServicePage.cursorOf("<http://127.0.0.1:8081/appeals?limit=1>; rel=\"prev\""))
        .isNull();
  }

  @Test
  void theNextHrefKeepsTheOtherParametersAndLeavesOutBlanks() {
    var page = new ServicePage(List.of(), "MTk5Ny0wMS0wMQpDSVMtMTk5Nw");
    var query = new LinkedHashMap<String, String>();
    query.put("asOf", "1997-07-31");
    query.put("revisionsCursor", null);
    query.put("historyCursor", "");

    assertThat(page.nextHref("/appeals/CIS-1997", "historyCursor", query))
        .isEqualTo("/appeals/CIS-1997?asOf=1997-07-31&historyCursor=MTk5Ny0wMS0wMQpDSVMtMTk5Nw");
  }

  @Test
  void aCursorIsEncodedInTheHref() {
    var page = new ServicePage(List.of(), "a b&c=");

    assertThat(page.nextHref("/home", "cursor", Map.of())).isEqualTo("/home?cursor=a+b%26c%3D");
  }

  @Test
  void theLastPageHasNoNextHref() {
    assertThat(new ServicePage(List.of(), null).nextHref("/home", "cursor", Map.of())).isNull();
  }
}
