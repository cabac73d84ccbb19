package org.jointappeal.notification.known;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.UUID;

@ApplicationScoped
public class KnownReceiptRepository implements PanacheRepositoryBase<KnownReceipt, UUID> {

  /** A new one is not persisted yet: it has no state until its first event. */
  public KnownReceipt lockOrCreate(UUID receiptId) {
    return findByIdOptional(receiptId, LockModeType.PESSIMISTIC_WRITE)
        .orElseGet(() -> new KnownReceipt(receiptId));
  }
}
