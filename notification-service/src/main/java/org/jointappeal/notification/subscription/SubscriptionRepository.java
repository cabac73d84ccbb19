package org.jointappeal.notification.subscription;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SubscriptionRepository implements PanacheRepositoryBase<Subscription, UUID> {

  List<Subscription> of(String subscriber) {
    return list("subscriber", Sort.ascending("createdAt").and("id"), subscriber);
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
