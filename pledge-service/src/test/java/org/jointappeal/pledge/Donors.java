package org.jointappeal.pledge;

import io.quarkus.arc.Arc;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jointappeal.pledge.donor.DonorKind;
import org.jointappeal.pledge.donor.DonorService;
import org.jointappeal.pledge.donor.RegisterDonorRequest;
import org.jointappeal.pledge.idempotency.IdempotencyKey;

/** Test data: donors beyond the seeded five, registered through the service. */
public final class Donors {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private Donors() {}

  /** An organisation's code no other test uses: X followed by two letters. */
  public static String uniqueOrganisationCode() {
    int n = SEQUENCE.getAndIncrement();
    return "X" + (char) ('A' + n / 26 % 26) + (char) ('A' + n % 26);
  }

  public static synchronized void ensure(String code, String name) {
    var donors = Arc.container().instance(DonorService.class).get();
    if (donors.findByCode(DonorCode.of(code)).isEmpty()) {
      donors.register(
          new RegisterDonorRequest(code, name, DonorKind.STATE, List.of(), null),
          "fixture",
          new IdempotencyKey(UUID.randomUUID().toString()));
    }
  }
}
