package org.jointappeal.pledge.receipt;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AllocationRepository implements PanacheRepositoryBase<Allocation, UUID> {

  List<Allocation> ofReceipt(UUID receiptId) {
    return list(
        "receiptId = :receipt",
        Sort.ascending("recordedAt").and("id"),
        Parameters.with("receipt", receiptId));
  }

  Optional<Allocation> findOfReceipt(UUID receiptId, UUID allocationId) {
    return find(
            "id = :id and receiptId = :receipt",
            Parameters.with("id", allocationId).and("receipt", receiptId))
        .firstResultOptional();
  }
}
