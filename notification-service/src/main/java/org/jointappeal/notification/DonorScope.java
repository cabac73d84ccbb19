package org.jointappeal.notification;

import java.util.Map;
import java.util.Optional;

/**
 * Which alerts a caller may see: a donor only those about its own pledges (labelled {@code
 * donor=<its code>}); staff every alert. Out of scope reads like missing.
 */
public final class DonorScope {

  public static final String DONOR_LABEL = "donor";

  private static final DonorScope EVERYONE = new DonorScope(null);

  private final String only;

  private DonorScope(String only) {
    this.only = only;
  }

  public static DonorScope everyone() {
    return EVERYONE;
  }

  public static DonorScope only(String donorCode) {
    return new DonorScope(donorCode);
  }

  public Optional<String> restrictedTo() {
    return Optional.ofNullable(only);
  }

  /** An alert without a donor label is about no donor, so no donor sees it. */
  public boolean sees(Map<String, String> labels) {
    return only == null || only.equals(labels.get(DONOR_LABEL));
  }
}
