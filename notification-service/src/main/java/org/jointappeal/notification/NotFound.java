package org.jointappeal.notification;

/** Missing, or outside the caller's scope: the answer is the same 404 so nothing leaks. */
public final class NotFound extends RuntimeException {

  private NotFound(String detail) {
    super(detail, null, false, false);
  }

  public static NotFound of(String what, Object id) {
    return new NotFound(what + " " + id + " was not found");
  }
}
