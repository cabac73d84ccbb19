package org.jointappeal.pledge.receipt;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jointappeal.pledge.DonorScope;
import org.jointappeal.pledge.paging.Keyset;
import org.jointappeal.pledge.paging.PageRequest;

/** Every read takes the caller's scope, so another donor's receipt is simply not found. */
@ApplicationScoped
public class ReceiptRepository implements PanacheRepositoryBase<Receipt, UUID> {

  Optional<Receipt> findInScope(UUID id, DonorScope scope) {
    return findByIdOptional(id).filter(receipt -> scope.includes(receipt.donorCode()));
  }

  /** A page of receipts, by value date, then recording time and id: filtered in SQL. */
  List<Receipt> pageInScope(DonorScope scope, PageRequest page) {
    var query = new StringBuilder("1 = 1");
    var params = new Parameters();
    if (scope.restrictedTo().isPresent()) {
      query.append(" and donorCode = :donor");
      params = params.and("donor", scope.restrictedTo().get());
    }
    if (page.after().isPresent()) {
      var after = page.after().get();
      query.append(" and ").append(Keyset.after("valueDate", "recordedAt", "id"));
      params = params.and("k0", after.date(0)).and("k1", after.instant(1)).and("k2", after.uuid(2));
    }
    return find(query.toString(), Sort.ascending("valueDate").and("recordedAt").and("id"), params)
        .range(0, page.limit())
        .list();
  }
}
