package org.jointappeal.pledge.pledge;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jointappeal.pledge.donor.DonorScope;

/** Every read takes the caller's scope, so another donor's pledge is simply not found. */
@ApplicationScoped
public class PledgeRepository implements PanacheRepositoryBase<Pledge, UUID> {

  Optional<Pledge> findInScope(UUID id, DonorScope scope) {
    return scope
        .restrictedTo()
        .map(
            donor ->
                find(
                        "id = :id and donorCode = :donor",
                        Parameters.with("id", id).and("donor", donor))
                    .firstResultOptional())
        .orElseGet(() -> findByIdOptional(id));
  }

  List<Pledge> listInScope(String appealCodeOrNull, DonorScope scope) {
    var query = new StringBuilder("1 = 1");
    var params = new Parameters();
    if (appealCodeOrNull != null) {
      query.append(" and appealCode = :appeal");
      params = params.and("appeal", appealCodeOrNull);
    }
    if (scope.restrictedTo().isPresent()) {
      query.append(" and donorCode = :donor");
      params = params.and("donor", scope.restrictedTo().get());
    }
    return list(query.toString(), Sort.ascending("announcedOn").and("createdAt"), params);
  }
}
