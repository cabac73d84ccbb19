package org.jointappeal.pledge.bankstatement;

import java.util.UUID;

/** A statement was queued for the background import; observed after its transaction commits. */
record StatementReceived(UUID bankStatementId) {}
