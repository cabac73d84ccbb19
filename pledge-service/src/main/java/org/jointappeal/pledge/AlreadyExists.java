package org.jointappeal.pledge;

/** Creating something whose key is taken: 409, the existing one stays as it is. */
public final class AlreadyExists extends RuntimeException {

  private AlreadyExists(String detail) {
    super(detail, null, false, false);
  }

  public static AlreadyExists of(String what, Object key) {
    return new AlreadyExists(what + " " + key + " already exists");
  }
}
