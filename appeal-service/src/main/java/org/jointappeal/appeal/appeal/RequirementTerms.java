package org.jointappeal.appeal.appeal;

import java.util.UUID;
import org.jointappeal.appeal.money.Money;

/** What a requirement line asks for, whether it is a current line or one kept in a revision. */
public interface RequirementTerms {

  UUID lineId();

  String country();

  String agency();

  Sector sector();

  CategoryOfConcern category();

  Priority priority();

  Money amount();
}
