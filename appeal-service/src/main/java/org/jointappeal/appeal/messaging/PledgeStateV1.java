package org.jointappeal.appeal.messaging;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.jointappeal.appeal.money.Money;

/** The fields of the contract's pledge state that appeal-service uses (v1 only gains fields). */
public record PledgeStateV1(
    UUID pledgeId,
    String appealCode,
    String donorCode,
    Money amount,
    Money usdValue,
    BigDecimal unitsPerUsd,
    LocalDate announcedOn,
    String status,
    long version) {}
