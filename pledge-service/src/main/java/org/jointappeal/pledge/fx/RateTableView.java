package org.jointappeal.pledge.fx;

import java.util.List;

/**
 * What an upload recorded: every rate of the table, new, corrected (a new version) or unchanged
 * (the same value was on file).
 */
public record RateTableView(int created, int revised, int unchanged, List<RateView> rates) {}
