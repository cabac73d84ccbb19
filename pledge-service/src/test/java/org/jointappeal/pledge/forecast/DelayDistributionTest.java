package org.jointappeal.pledge.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.jointappeal.pledge.forecast.DelayDistribution.Observation;
import org.junit.jupiter.api.Test;

class DelayDistributionTest {

  private static Observation paid(int days) {
    return new Observation(days, true);
  }

  private static Observation unpaid(int days) {
    return new Observation(days, false);
  }

  @Test
  void unpaidInstalmentsAreCensoredNotIgnored() {
    // paid at 10, 20, 30, 40; two still unpaid after 15 days
    var km =
        DelayDistribution.kaplanMeier(
            List.of(paid(10), paid(20), paid(30), paid(40), unpaid(15), unpaid(15)));
    // at 10: 1 of 6 at risk -> 1/6; then S = 5/6 and 3 at risk for 20, 30, 40: 5/18 each
    double total = 1.0 / 6 + 3 * 5.0 / 18;
    assertThat(km.between(10, 10)).isCloseTo((1.0 / 6) / total, within(1e-12));
    assertThat(km.between(20, 20)).isCloseTo((5.0 / 18) / total, within(1e-12));
    // ignoring the unpaid ones would give each delay 1/4: censoring moves weight to later delays
    assertThat(km.between(10, 10)).isLessThan(0.25);
    assertThat(km.above(15)).isGreaterThan(0.75);
  }

  @Test
  void withoutCensoringItIsTheEmpiricalDistribution() {
    var km = DelayDistribution.kaplanMeier(List.of(paid(0), paid(0), paid(30), paid(90)));
    assertThat(km.between(0, 0)).isCloseTo(0.5, within(1e-12));
    assertThat(km.above(30)).isCloseTo(0.25, within(1e-12));
    assertThat(km.quantile(0.5)).isEqualTo(0);
    assertThat(km.quantile(0.75)).isEqualTo(30);
  }

  @Test
  void samplingGivenLatenessOnlyDrawsLaterDelays() {
    var km = DelayDistribution.kaplanMeier(List.of(paid(0), paid(10), paid(60), paid(90)));
    for (int i = 0; i < 100; i++) {
      assertThat(km.sampleAbove(30, i / 100.0)).isIn(60, 90);
    }
    // half of the remaining mass each
    assertThat(km.sampleAbove(30, 0.49)).isEqualTo(60);
    assertThat(km.sampleAbove(30, 0.51)).isEqualTo(90);
    assertThat(km.sampleAbove(-1, 0.0)).isEqualTo(0);
  }

  @Test
  void blendWeighsTheDonorAgainstAllDonors() {
    var donor = DelayDistribution.point(90);
    var all = DelayDistribution.point(0);
    // n = 5 observations, k = 5: half each
    var blended = donor.blend(5.0 / (5 + 5), all);
    assertThat(blended.between(90, 90)).isCloseTo(0.5, within(1e-12));
    assertThat(blended.between(0, 0)).isCloseTo(0.5, within(1e-12));
    assertThat(donor.blend(1.0, all).between(90, 90)).isEqualTo(1.0);
  }
}
