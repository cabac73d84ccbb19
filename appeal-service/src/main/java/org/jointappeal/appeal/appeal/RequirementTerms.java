package org.jointappeal.appeal.appeal;

import java.util.UUID;

/** What a requirement line asks for, whether it is a current line or one kept in a revision. */
public interface RequirementTerms {

  UUID lineId();

  LineTerms terms();
}
