package org.jointappeal.pledge.donor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jointappeal.pledge.Pages;
import org.jointappeal.pledge.Pledges;
import org.jointappeal.pledge.StackResource;
import org.junit.jupiter.api.Test;

/** GET /donors pages by code, in SQL; a donor's pages hold itself only. */
@QuarkusTest
@StackResource
class DonorPagingTest {

  private static String cursorAfter(String code) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(code.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void followingNextWalksTheRegistryOnceByCodeAndTheLastPageHasNoNextLink() {
    var mine = new ArrayList<String>();
    for (int n = 0; n < 3; n++) {
      mine.add(Pledges.uniqueDonor("Paged organisation " + n));
    }

    var pages = Pages.all("/donors?limit=2");
    List<String> walked = new ArrayList<>();
    pages.forEach(page -> walked.addAll(page.getList("code")));

    assertThat(pages).allSatisfy(page -> assertThat(page.getList("code")).hasSizeBetween(1, 2));
    assertThat(walked).doesNotHaveDuplicates().isSorted().containsAll(mine);
    assertThat(walked)
        .isEqualTo(Pages.get("/donors?limit=1000").jsonPath().getList("code", String.class));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void eachDonorOfAPageComesWithItsOwnIbansAndAccounts() {
    var codes = new ArrayList<String>();
    var ibans = new ArrayList<String>();
    for (int n = 0; n < 3; n++) {
      String code = org.jointappeal.pledge.Donors.uniqueOrganisationCode();
      String iban = newIban();
      given()
          .contentType("application/json")
          .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
          .body(
              """
              {"code":"%s","name":"Accounts organisation","kind":"ORGANISATION",
               "ibans":["%s"],"accounts":[{"scheme":"BBAN","identifier":"%s"}]}"""
                  .formatted(code, iban, "4711" + code))
          .when()
          .post("/donors")
          .then()
          .statusCode(201);
      codes.add(code);
      ibans.add(iban);
    }

    var page =
        given()
            .queryParam("limit", 3)
            .queryParam("cursor", cursorAfter(previousCode(codes.get(0))))
            .when()
            .get("/donors")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(page.getList("code")).isEqualTo(codes);
    for (int n = 0; n < 3; n++) {
      assertThat(page.getList("[" + n + "].ibans")).containsExactly(ibans.get(n));
      assertThat(page.getList("[" + n + "].accounts.identifier"))
          .containsExactly("4711" + codes.get(n));
    }
  }

  /** The code just before (XAB before XAC, WZZ before XAA): a page after it starts at the code. */
  private static String previousCode(String code) {
    char[] letters = code.toCharArray();
    int i = letters.length - 1;
    while (letters[i] == 'A') {
      letters[i--] = 'Z';
    }
    letters[i]--;
    return new String(letters);
  }

  /** A fresh valid IBAN (German format, ISO 13616 check digits) nobody else holds. */
  private static String newIban() {
    var random = java.util.concurrent.ThreadLocalRandom.current();
    var bban = new StringBuilder();
    for (int i = 0; i < 18; i++) {
      bban.append(random.nextInt(10));
    }
    var numeric = new java.math.BigInteger(bban + "1314" + "00");
    int check = 98 - numeric.mod(java.math.BigInteger.valueOf(97)).intValue();
    return "DE%02d%s".formatted(check, bban);
  }

  @Test
  @TestSecurity(user = "donor-nor", roles = "donor")
  @OidcSecurity(claims = @Claim(key = "donor_code", value = "NOR"))
  void aDonorsPagesHoldItselfOnlyWhereverTheCursorPoints() {
    given()
        .queryParam("limit", 1)
        .when()
        .get("/donors")
        .then()
        .statusCode(200)
        .header("Link", nullValue())
        .body("code", contains("NOR"));
    given()
        .queryParam("cursor", cursorAfter("AAA"))
        .when()
        .get("/donors")
        .then()
        .statusCode(200)
        .body("code", contains("NOR"));
    given()
        .queryParam("cursor", cursorAfter("NOR"))
        .when()
        .get("/donors")
        .then()
        .statusCode(200)
        .header("Link", nullValue())
        .body("", empty());
  }

  @Test
  @TestSecurity(user = "auditor", roles = "auditor")
  void aLimitOutOfRangeIsRefused() {
    for (String limit : List.of("0", "1001", "ten", "-1")) {
      given()
          .queryParam("limit", limit)
          .when()
          .get("/donors")
          .then()
          .statusCode(422)
          .contentType("application/problem+json")
          .body("type", endsWith("/invalid-page-request"));
    }
  }

  @Test
  @TestSecurity(user = "auditor", roles = "auditor")
  void aCursorNotHandedOutIsRefused() {
    // not base64; base64 of something that is no donor code
    for (String cursor : List.of("%%%", cursorAfter("nor"), cursorAfter("NORWAY"))) {
      given()
          .queryParam("cursor", cursor)
          .when()
          .get("/donors")
          .then()
          .statusCode(422)
          .contentType("application/problem+json")
          .body("type", endsWith("/invalid-page-request"));
    }
  }
}
