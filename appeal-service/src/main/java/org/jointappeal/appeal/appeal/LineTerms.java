package org.jointappeal.appeal.appeal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.jointappeal.appeal.money.Money;

/**
 * What one requirement line asks for: one country programme of one agency, for one sector and
 * category of concern, in USD. The same columns in a current line and in a line a revision kept.
 */
@Embeddable
public record LineTerms(
    @Column(nullable = false, length = 3) String country,
    @Column(nullable = false, length = 32) String agency,
    @Enumerated(EnumType.STRING) @Column(nullable = false, length = 40) Sector sector,
    @Enumerated(EnumType.STRING) @Column(nullable = false, length = 40) CategoryOfConcern category,
    @Enumerated(EnumType.STRING) @Column(nullable = false, length = 16) Priority priority,
    @Column(length = 500) String description,
    @Embedded Money amount) {}
