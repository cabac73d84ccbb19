package org.jointappeal.appeal.funding;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class PledgeCopyRepository implements PanacheRepositoryBase<PledgeCopy, UUID> {}
