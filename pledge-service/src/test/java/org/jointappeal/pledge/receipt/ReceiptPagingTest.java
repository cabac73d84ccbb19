package org.jointappeal.pledge.receipt;

import static io.restassured.RestAssured.given;
import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jointappeal.pledge.Appeals;
import org.jointappeal.pledge.StackResource;
import org.jointappeal.pledge.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /receipts pages with a cursor, and brings each page's allocations in one query. */
@QuarkusTest
@StackResource
@TestSecurity(user = "finance", roles = "finance-officer")
class ReceiptPagingTest {

  private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

  @Inject TestClock clock;

  String appeal;

  @BeforeEach
  void launchedAppeal() {
    clock.reset();
    appeal = Appeals.uniqueCode();
    Appeals.launch(appeal);
  }

  @Test
  void everyReceiptComesOnceAcrossThePagesWithItsOwnAllocations() {
    String pledge = ReceiptFixtures.committedPledge(appeal, "NOR", "100.00", "USD");
    var mine = new ArrayList<String>();
    for (int n = 0; n < 3; n++) {
      mine.add(ReceiptFixtures.receipt("NOR", "10.00", "USD", "1997-10-1" + n));
    }
    given()
        .contentType(JSON)
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(
            """
            {"pledgeId":"%s","amount":{"amount":"10.00","currency":"USD"}}"""
                .formatted(pledge))
        .when()
        .post("/receipts/" + mine.get(1) + "/allocations")
        .then()
        .statusCode(201);

    var seen = new ArrayList<String>();
    Map<String, Integer> allocations = new HashMap<>();
    String uri = "/receipts?limit=2";
    while (uri != null) {
      var page = given().when().get(URI.create(uri)).then().statusCode(200).extract();
      JsonPath body = page.jsonPath();
      List<String> ids = body.getList("id");
      assertThat(ids).hasSizeLessThanOrEqualTo(2);
      for (int i = 0; i < ids.size(); i++) {
        seen.add(ids.get(i));
        allocations.put(ids.get(i), body.getList("[" + i + "].allocations").size());
      }
      String link = page.header("Link");
      uri = null;
      if (link != null) {
        var matcher = NEXT.matcher(link);
        assertThat(matcher.find()).isTrue();
        uri = matcher.group(1);
      }
    }
    assertThat(seen).doesNotHaveDuplicates().containsSubsequence(mine);
    assertThat(allocations.get(mine.get(0))).isZero();
    assertThat(allocations.get(mine.get(1))).isOne();
    assertThat(allocations.get(mine.get(2))).isZero();
  }
}
