package org.jointappeal.pledge.known;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.UUID;

/** One requirement line of a known appeal: what earmarked pledges may target. */
@Embeddable
public record KnownLine(
    @Column(name = "line_id", nullable = false) UUID lineId,
    @Column(name = "country", nullable = false, length = 3) String country,
    @Column(name = "agency", nullable = false, length = 32) String agency,
    @Column(name = "sector", nullable = false, length = 40) String sector) {}
