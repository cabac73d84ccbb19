package org.jointappeal.pledge.appeal;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class KnownAppealRepository implements PanacheRepositoryBase<KnownAppeal, String> {}
