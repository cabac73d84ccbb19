package org.jointappeal.pledge;

import java.util.Optional;

/**
 * Whose money a caller may see. A donor sees only its own; staff see everyone's. Passed into
 * queries so an out-of-scope id reads exactly like a missing one.
 */
public final class DonorScope {

  private static final DonorScope EVERYONE = new DonorScope(null);

  private final DonorCode only;

  private DonorScope(DonorCode only) {
    this.only = only;
  }

  public static DonorScope everyone() {
    return EVERYONE;
  }

  public static DonorScope only(DonorCode donor) {
    return new DonorScope(donor);
  }

  public Optional<DonorCode> restrictedTo() {
    return Optional.ofNullable(only);
  }

  public boolean includes(DonorCode donor) {
    return only == null || only.equals(donor);
  }
}
