package org.jointappeal.pledge.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.jointappeal.pledge.money.Money;

/**
 * A receipt's full current state, carried by every receipt event. Deliberately without the bank
 * reference and remittance text: they may name people and accounts, and no consumer needs them.
 */
public record ReceiptStateV1(
    UUID receiptId,
    String donorCode,
    Money amount,
    LocalDate valueDate,
    Money usdValue,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal unitsPerUsd,
    Money allocated,
    Money unallocated,
    String status,
    String source,
    long version) {}
