package org.jointappeal.pledge.receipt;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jointappeal.pledge.donor.DonorScope;

/** Every read takes the caller's scope, so another donor's receipt is simply not found. */
@ApplicationScoped
public class ReceiptRepository implements PanacheRepositoryBase<Receipt, UUID> {

  Optional<Receipt> findInScope(UUID id, DonorScope scope) {
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

  List<Receipt> listInScope(DonorScope scope) {
    var sort = Sort.ascending("valueDate").and("recordedAt");
    return scope
        .restrictedTo()
        .map(donor -> list("donorCode = :donor", sort, Parameters.with("donor", donor)))
        .orElseGet(() -> listAll(sort));
  }
}
