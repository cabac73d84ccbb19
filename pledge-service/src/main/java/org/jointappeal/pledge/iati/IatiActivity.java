package org.jointappeal.pledge.iati;

import java.time.LocalDate;
import java.util.List;

/** What the export says about one appeal: one IATI activity. */
record IatiActivity(
    String identifier,
    String appealCode,
    String title,
    String status,
    LocalDate plannedEnd,
    List<Organisation> donors,
    List<String> agencies,
    List<IatiTransaction> transactions) {

  record Organisation(String ref, String name) {}
}
