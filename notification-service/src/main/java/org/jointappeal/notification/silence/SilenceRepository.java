package org.jointappeal.notification.silence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jointappeal.notification.paging.PageRequest;

@ApplicationScoped
public class SilenceRepository implements PanacheRepositoryBase<Silence, UUID> {

  List<Silence> activeAt(Instant at) {
    return list("startsAt <= ?1 and endsAt > ?1", at);
  }

  /** A page of silences, newest first (then by id): keyset in SQL. */
  List<Silence> pageNewestFirst(PageRequest page) {
    var newestFirst = Sort.descending("createdAt").and("id");
    var query =
        page.after().isEmpty()
            ? findAll(newestFirst)
            : find(
                "createdAt < :k0 or (createdAt = :k0 and id > :k1)",
                newestFirst,
                Parameters.with("k0", page.after().get().instant(0))
                    .and("k1", page.after().get().uuid(1)));
    return query.range(0, page.fetch() - 1).list(); // range is inclusive
  }
}
