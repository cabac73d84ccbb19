package org.jointappeal.appeal;

/**
 * A transition asked of an aggregate that has already taken another one (launched on another date,
 * closed): 409, and the detail says the state it is in. The same transition again is no conflict:
 * it answers the current state.
 */
public final class StateConflict extends RuntimeException {

  private StateConflict(String detail) {
    super(detail, null, false, false);
  }

  public static StateConflict of(String detail) {
    return new StateConflict(detail);
  }
}
