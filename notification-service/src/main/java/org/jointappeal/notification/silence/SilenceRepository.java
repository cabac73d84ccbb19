package org.jointappeal.notification.silence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SilenceRepository implements PanacheRepositoryBase<Silence, UUID> {

  List<Silence> activeAt(Instant at) {
    return list("startsAt <= ?1 and endsAt > ?1", at);
  }

  List<Silence> newestFirst() {
    return listAll(Sort.descending("createdAt").and("id"));
  }
}
