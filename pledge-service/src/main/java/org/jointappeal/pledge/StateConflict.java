package org.jointappeal.pledge;

/**
 * A transition asked of an aggregate that has already taken another one (committed under another
 * agreement, cancelled or written off otherwise): 409, and the detail says the state it is in. The
 * same transition again is no conflict: it answers the current state.
 */
public final class StateConflict extends RuntimeException {

  private StateConflict(String detail) {
    super(detail, null, false, false);
  }

  public static StateConflict of(String detail) {
    return new StateConflict(detail);
  }
}
