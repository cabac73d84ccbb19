package org.jointappeal.appeal.appeal;

import java.time.LocalDate;

/** Fired synchronously, inside the revision's transaction: the requirements changed. */
public record AppealRevised(Appeal appeal, LocalDate effectiveOn) {}
