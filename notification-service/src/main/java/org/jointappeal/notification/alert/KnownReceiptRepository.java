package org.jointappeal.notification.alert;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class KnownReceiptRepository implements PanacheRepositoryBase<KnownReceipt, UUID> {

  /** A new one is not persisted yet: it has no state until its first event. */
  KnownReceipt lockOrCreate(UUID receiptId) {
    return findByIdOptional(receiptId, LockModeType.PESSIMISTIC_WRITE)
        .orElseGet(() -> new KnownReceipt(receiptId));
  }

  List<KnownReceipt> lockAll() {
    return find("order by receiptId").withLock(LockModeType.PESSIMISTIC_WRITE).list();
  }
}
