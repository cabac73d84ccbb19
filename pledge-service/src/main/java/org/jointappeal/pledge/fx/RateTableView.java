package org.jointappeal.pledge.fx;

import java.util.List;

/** What an upload recorded: every rate of the table, new or revised. */
public record RateTableView(int created, int revised, List<RateView> rates) {}
