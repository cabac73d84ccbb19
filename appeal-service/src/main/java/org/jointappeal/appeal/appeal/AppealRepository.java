package org.jointappeal.appeal.appeal;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class AppealRepository implements PanacheRepositoryBase<Appeal, String> {

  List<Appeal> listNewestFirst() {
    return listAll(Sort.descending("periodStart").and("code"));
  }
}
