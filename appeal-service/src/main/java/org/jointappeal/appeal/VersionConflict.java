package org.jointappeal.appeal;

/** The client's If-Match names a version that is no longer current: 409, read it again. */
public final class VersionConflict extends RuntimeException {

  private VersionConflict(String detail) {
    super(detail, null, false, false);
  }

  public static VersionConflict of(String what, Object id, long expected, long current) {
    return new VersionConflict(
        "%s %s is at version %d, not %d: read it again".formatted(what, id, current, expected));
  }
}
