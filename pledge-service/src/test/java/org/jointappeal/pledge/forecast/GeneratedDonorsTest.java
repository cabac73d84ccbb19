package org.jointappeal.pledge.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.jointappeal.pledge.forecast.HistoryGenerator.Profile;
import org.junit.jupiter.api.Test;

/**
 * The model recovers the parameters the generated donors were made with. Tolerances: delays ± 10
 * days (quartiles of the erratic donor ± 20), rates ± 0.05 (the announcer's ± 0.08: about 60 of its
 * pledges, a binomial standard error of 0.056).
 */
class GeneratedDonorsTest {

  private static final LocalDate AS_OF = LocalDate.of(2002, 12, 31);

  private final CashHistory history =
      HistoryGenerator.generate(new HistoryGenerator.Settings(42L, 1990, 12, 6)).asOf(AS_OF);
  private final PaymentBehaviour behaviour = PaymentBehaviour.learn(history, AS_OF);

  private PaymentBehaviour.Donor donor(Profile profile) {
    return behaviour.of(profile.donorCode);
  }

  @Test
  void theLateDonorsMedianDelayIs90Days() {
    assertThat(donor(Profile.LAG_90).timing().quantile(0.5)).isBetween(80, 100);
    assertThat(donor(Profile.LAG_90).writeOffRate()).isLessThan(0.05);
  }

  @Test
  void theOnTimeDonorPaysOnTheDueDate() {
    var timing = donor(Profile.ON_TIME).timing();
    assertThat(timing.quantile(0.5)).isBetween(-2, 2);
    assertThat(timing.between(-2, 2)).isGreaterThan(0.9);
    assertThat(donor(Profile.ON_TIME).conversionRate()).isGreaterThan(0.95);
  }

  @Test
  void theWriteOffDonorWritesOffOneInFive() {
    assertThat(donor(Profile.WRITE_OFF_20).writeOffRate())
        .isCloseTo(HistoryGenerator.WRITE_OFF_RATE, within(0.05));
    assertThat(donor(Profile.WRITE_OFF_20).timing().quantile(0.5)).isBetween(0, 20);
  }

  @Test
  void theErraticDonorSpreadsItsPaymentsOverItsWholeRange() {
    var timing = donor(Profile.ERRATIC).timing();
    // uniform on [-20, 200]: quartiles at 35 and 145 (early payments are held back to the
    // commitment date, which moves a few a little later)
    assertThat(timing.quantile(0.25)).isBetween(15, 55);
    assertThat(timing.quantile(0.75)).isBetween(125, 165);
  }

  @Test
  void theAnnouncerCommitsOneInFour() {
    assertThat(donor(Profile.ANNOUNCER).conversionRate())
        .isCloseTo(HistoryGenerator.ANNOUNCER_COMMIT_RATE, within(0.08));
    assertThat(donor(Profile.ANNOUNCER).timing().quantile(0.5)).isBetween(20, 40);
  }

  @Test
  void theSameSeedGeneratesTheSameHistory() {
    var settings = HistoryGenerator.Settings.standard(7L);
    assertThat(HistoryGenerator.generate(settings)).isEqualTo(HistoryGenerator.generate(settings));
    assertThat(HistoryGenerator.generate(settings))
        .isNotEqualTo(HistoryGenerator.generate(HistoryGenerator.Settings.standard(8L)));
  }
}
