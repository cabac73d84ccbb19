package org.jointappeal.notification.subscription;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jointappeal.notification.paging.Keyset;
import org.jointappeal.notification.paging.PageRequest;

@ApplicationScoped
public class SubscriptionRepository implements PanacheRepositoryBase<Subscription, UUID> {

  /** A page of the subscriber's own subscriptions, oldest first (then by id): keyset in SQL. */
  List<Subscription> pageOf(String subscriber, PageRequest page) {
    var parameters = Parameters.with("subscriber", subscriber);
    String query = "subscriber = :subscriber";
    if (page.after().isPresent()) {
      query += " and " + Keyset.after("createdAt", "id");
      parameters.and("k0", page.after().get().instant(0)).and("k1", page.after().get().uuid(1));
    }
    return find(query, Sort.ascending("createdAt").and("id"), parameters)
        .range(0, page.fetch() - 1) // range is inclusive
        .list();
  }

  /**
   * The subscriber's subscriptions, counted under a transaction-scoped advisory lock on the
   * subscriber: concurrent creations by one subscriber count one after the other.
   */
  long lockAndCount(String subscriber) {
    getEntityManager()
        .createNativeQuery(
            "select 1 from (select pg_advisory_xact_lock(hashtextextended(?1, 20))) locked")
        .setParameter(1, subscriber)
        .getSingleResult();
    return count("subscriber", subscriber);
  }

  /** Another subscriber's subscription reads as missing. */
  Optional<Subscription> findOwn(UUID id, String subscriber) {
    return find("id = ?1 and subscriber = ?2", id, subscriber).firstResultOptional();
  }
}
