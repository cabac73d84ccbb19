package org.jointappeal.notification.paging;

import java.util.Optional;

/** At most {@code limit} items after the cursor's position (from the start without one). */
public record PageRequest(int limit, Optional<Cursor> after) {

  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1000;

  public PageRequest {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw InvalidPage.limit(Integer.toString(limit));
    }
  }

  public static PageRequest first(int limit) {
    return new PageRequest(limit, Optional.empty());
  }

  /** From the query parameters as sent (either may be absent). */
  public static PageRequest of(String limit, String cursor) {
    int size = DEFAULT_LIMIT;
    if (limit != null && !limit.isBlank()) {
      if (!limit.matches("[0-9]{1,9}")) {
        throw InvalidPage.limit(limit);
      }
      size = Integer.parseInt(limit);
    }
    Optional<Cursor> after =
        cursor == null || cursor.isBlank() ? Optional.empty() : Optional.of(Cursor.decode(cursor));
    return new PageRequest(size, after);
  }

  /** Rows to fetch: one more than the limit says whether another page follows. */
  public int fetch() {
    return limit + 1;
  }
}
