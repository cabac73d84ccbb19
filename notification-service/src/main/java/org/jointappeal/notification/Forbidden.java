package org.jointappeal.notification;

/** The caller may read here but not act like this, e.g. a donor acting for another donor: 403. */
public final class Forbidden extends RuntimeException {

  private Forbidden(String detail) {
    super(detail, null, false, false);
  }

  public static Forbidden of(String detail) {
    return new Forbidden(detail);
  }
}
