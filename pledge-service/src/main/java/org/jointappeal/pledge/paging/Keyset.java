package org.jointappeal.pledge.paging;

/**
 * The JPQL condition "after this position" for a list ordered ascending by the given columns (the
 * last one unique), with the position's values as parameters {@code k0, k1, ...}: keyset paging, so
 * a page costs the same wherever it is, and rows added meanwhile neither repeat nor go missing.
 */
public final class Keyset {

  private Keyset() {}

  public static String after(String... columns) {
    return after(columns, 0);
  }

  private static String after(String[] columns, int index) {
    String column = columns[index];
    String parameter = ":k" + index;
    if (index == columns.length - 1) {
      return column + " > " + parameter;
    }
    return "(%s > %s or (%s = %s and %s))"
        .formatted(column, parameter, column, parameter, after(columns, index + 1));
  }
}
