package org.jointappeal.pledge;

/** A resource with this key exists already: 409. */
public final class AlreadyExists extends RuntimeException {

  private AlreadyExists(String detail) {
    super(detail, null, false, false);
  }

  public static AlreadyExists of(String what, Object id) {
    return new AlreadyExists(what + " " + id + " exists already");
  }
}
