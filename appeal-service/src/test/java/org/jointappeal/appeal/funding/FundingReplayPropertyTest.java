package org.jointappeal.appeal.funding;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import org.jointappeal.appeal.Appeals;
import org.jointappeal.appeal.Db;
import org.jointappeal.appeal.StackResource;
import org.jointappeal.appeal.appeal.AppealFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property-style, end to end: a random sequence of pledge events goes through Kafka into two
 * appeals with the same lines, in order into one and shuffled with redeliveries into the other.
 * Every grouping of each adds up to the appeal's total to the cent, and both show the same figures
 * (now and as of any date).
 */
@QuarkusTest
@StackResource
@TestSecurity(user = "auditor", roles = "auditor")
class FundingReplayPropertyTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] DONORS = {"NOR", "SWE", "CHE", "USA"};
  private static final String[] GROUPINGS = {
    "country", "agency", "sector", "category", "priority", "donor", "earmarking"
  };

  /** One pledge event, independent of the appeal it is sent to. */
  private record Step(
      int pledge,
      String type,
      String status,
      long version,
      String usd,
      String paid,
      String outstanding,
      String day,
      int earmark) {}

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void randomPledgeEventsAddUpAndReplayToTheSameFigures(long seed) throws Exception {
    var random = new Random(seed);
    var steps = steps(random);
    String inOrder = Appeals.uniqueCode();
    String replayed = Appeals.uniqueCode();
    AppealFixtures.launched(inOrder);
    AppealFixtures.launched(replayed);

    var sentInOrder = send(inOrder, steps);
    var shuffled = new ArrayList<>(steps);
    shuffled.addAll(steps.subList(0, steps.size() / 3)); // the same states again, as new events
    Collections.shuffle(shuffled, random);
    var sentShuffled = send(replayed, shuffled);
    awaitAllApplied(sentInOrder);
    awaitAllApplied(sentShuffled);

    for (String groupBy : GROUPINGS) {
      for (String asOf : new String[] {null, "1997-03-31", "1997-06-30", "1997-09-30"}) {
        var a = funding(inOrder, groupBy, asOf);
        var b = funding(replayed, groupBy, asOf);
        assertAddsUp(a);
        assertThat(comparable(b)).as("groupBy %s asOf %s", groupBy, asOf).isEqualTo(comparable(a));
      }
    }
  }

  @Test
  void replayingTheSameEventsAgainChangesNothing() throws Exception {
    var random = new Random(42);
    var steps = steps(random);
    String appeal = Appeals.uniqueCode();
    AppealFixtures.launched(appeal);
    awaitAllApplied(send(appeal, steps));
    var before = funding(appeal, "country", null);
    awaitAllApplied(send(appeal, steps));
    assertThat(funding(appeal, "country", null)).isEqualTo(before);
  }

  private static List<Step> steps(Random random) {
    var steps = new ArrayList<Step>();
    String[] days = {"1997-02-10", "1997-04-01", "1997-07-02", "1997-09-15", "1997-11-20"};
    for (int pledge = 0; pledge < 6; pledge++) {
      String usd = BigDecimal.valueOf(1 + random.nextInt(20_000_000), 2).toPlainString();
      int earmark = random.nextInt(5);
      int versions = 1 + random.nextInt(4);
      for (int v = 0; v < versions; v++) {
        String status;
        String type;
        String paid = null;
        String outstanding = null;
        if (v == 0) {
          status = "ANNOUNCED";
          type = PledgeEvents.ANNOUNCED;
        } else {
          switch (random.nextInt(4)) {
            case 0 -> {
              status = "COMMITTED";
              type = PledgeEvents.COMMITTED;
            }
            case 1 -> {
              status = "PARTIALLY_PAID";
              type = PledgeEvents.PAYMENT_ALLOCATED;
              paid = BigDecimal.valueOf(random.nextInt(1_000_000), 2).toPlainString();
              outstanding = BigDecimal.valueOf(random.nextInt(1_000_000), 2).toPlainString();
            }
            case 2 -> {
              status = "WRITTEN_OFF";
              type = PledgeEvents.WRITTEN_OFF;
              paid = BigDecimal.valueOf(random.nextInt(1_000_000), 2).toPlainString();
              outstanding = "0.00";
            }
            default -> {
              status = "CANCELLED";
              type = PledgeEvents.CANCELLED;
            }
          }
        }
        steps.add(
            new Step(
                pledge,
                type,
                status,
                v,
                usd,
                paid,
                outstanding,
                days[Math.min(days.length - 1, v + random.nextInt(2))],
                earmark));
      }
    }
    return steps;
  }

  private static List<String> send(String appeal, List<Step> steps) {
    var eventIds = new ArrayList<String>();
    Map<String, String> lines = lineIds(appeal);
    var pledgeIds = new ArrayList<UUID>();
    for (int i = 0; i < 6; i++) {
      pledgeIds.add(UUID.nameUUIDFromBytes((appeal + "/" + i).getBytes()));
    }
    for (Step step : steps) {
      var builder =
          PledgeEvents.aPledge(appeal, pledgeIds.get(step.pledge()))
              .by(DONORS[step.pledge() % DONORS.length])
              .usd(step.usd())
              .status(step.status())
              .version(step.version())
              .on(step.day());
      if (step.paid() != null) {
        builder.paid(step.paid());
      }
      if (step.outstanding() != null) {
        builder.outstanding(step.outstanding());
      }
      switch (step.earmark()) {
        case 1 -> builder.softly("IOM", null);
        case 2 -> builder.softly(null, "GEO");
        case 3 -> builder.toCountryAndSector("TJK", "MIGRATION_MANAGEMENT");
        case 4 -> builder.tightly(UUID.fromString(lines.get("GEO")));
        default -> {}
      }
      eventIds.add(builder.send(step.type()));
    }
    return eventIds;
  }

  private static Map<String, String> lineIds(String appeal) {
    List<Map<String, Object>> lines =
        given().get("/appeals/" + appeal).then().extract().path("requirementLines");
    var ids = new java.util.HashMap<String, String>();
    lines.forEach(l -> ids.put((String) l.get("country"), (String) l.get("lineId")));
    return ids;
  }

  private static void awaitAllApplied(List<String> eventIds) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                Db.count(
                        "select count(*) from inbox_message where event_id in ("
                            + String.join(",", Collections.nCopies(eventIds.size(), "?"))
                            + ")",
                        eventIds.toArray())
                    == eventIds.size());
  }

  private static JsonNode funding(String appeal, String groupBy, String asOf) throws Exception {
    var request = given().queryParam("groupBy", groupBy);
    if (asOf != null) {
      request.queryParam("asOf", asOf);
    }
    return JSON.readTree(
        request.get("/appeals/" + appeal + "/funding").then().statusCode(200).extract().asString());
  }

  /** The figures without what differs between two appeals by construction (code, line ids). */
  private static JsonNode comparable(JsonNode status) {
    var copy = (ObjectNode) status.deepCopy();
    copy.remove("appealCode");
    copy.withArray("requirementLines").forEach(l -> ((ObjectNode) l).remove("lineId"));
    return copy;
  }

  private static void assertAddsUp(JsonNode status) {
    for (String field : new String[] {"pledged", "committed", "paid", "funding"}) {
      Function<JsonNode, BigDecimal> amount =
          n -> new BigDecimal(n.path(field).path("amount").asText());
      BigDecimal groups = amount.apply(status.path("groupsNotSpecified"));
      for (JsonNode g : status.path("groups")) {
        groups = groups.add(amount.apply(g));
      }
      assertThat(groups)
          .as(field + " by " + status.path("groupBy"))
          .isEqualTo(amount.apply(status));
      BigDecimal lines = amount.apply(status.path("requirementLinesNotSpecified"));
      for (JsonNode l : status.path("requirementLines")) {
        lines = lines.add(amount.apply(l));
      }
      assertThat(lines).as(field + " by line").isEqualTo(amount.apply(status));
    }
  }
}
