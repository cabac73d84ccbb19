package org.jointappeal.pledge.receipt;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class AllocationRepository implements PanacheRepositoryBase<Allocation, UUID> {

  List<Allocation> ofReceipt(UUID receiptId) {
    return list(
        "receiptId = :receipt",
        Sort.ascending("recordedAt").and("id"),
        Parameters.with("receipt", receiptId));
  }

  /** The allocations of a page of receipts, in one query (not one per receipt). */
  Map<UUID, List<Allocation>> ofReceipts(List<UUID> receiptIds) {
    if (receiptIds.isEmpty()) {
      return Map.of();
    }
    return list(
            "receiptId in :receipts",
            Sort.ascending("recordedAt").and("id"),
            Parameters.with("receipts", receiptIds))
        .stream()
        .collect(Collectors.groupingBy(Allocation::receiptId));
  }

  Optional<Allocation> findOfReceipt(UUID receiptId, UUID allocationId) {
    return find(
            "id = :id and receiptId = :receipt",
            Parameters.with("id", allocationId).and("receipt", receiptId))
        .firstResultOptional();
  }
}
