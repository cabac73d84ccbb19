package org.jointappeal.pledge.pledge;

import java.time.LocalDate;
import org.jointappeal.pledge.money.Money;

public record InstalmentView(
    int number, LocalDate dueOn, Money amount, Money paid, InstalmentStatus status) {

  static InstalmentView of(Instalment i, String currency) {
    return new InstalmentView(
        i.number(),
        i.dueOn(),
        Money.of(i.amount(), currency),
        Money.of(i.paid(), currency),
        i.status());
  }
}
