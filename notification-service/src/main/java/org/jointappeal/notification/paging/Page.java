package org.jointappeal.notification.paging;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** One page of a list, and where the next one starts (empty on the last page). */
public record Page<T>(List<T> items, Optional<Cursor> next) {

  /**
   * From the rows fetched for the request (up to {@link PageRequest#fetch()}): the extra row, if
   * any, says there is more, and the last item kept is where the next page starts.
   */
  public static <T> Page<T> of(List<T> fetched, PageRequest request, Function<T, Cursor> position) {
    if (fetched.size() <= request.limit()) {
      return new Page<>(List.copyOf(fetched), Optional.empty());
    }
    var items = List.copyOf(fetched.subList(0, request.limit()));
    return new Page<>(items, Optional.of(position.apply(items.get(items.size() - 1))));
  }

  public <R> Page<R> map(Function<T, R> mapper) {
    return new Page<>(items.stream().map(mapper).toList(), next);
  }
}
