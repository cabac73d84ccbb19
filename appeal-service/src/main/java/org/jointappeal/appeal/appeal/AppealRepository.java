package org.jointappeal.appeal.appeal;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jointappeal.appeal.paging.Keyset;
import org.jointappeal.appeal.paging.PageRequest;

@ApplicationScoped
public class AppealRepository implements PanacheRepositoryBase<Appeal, String> {

  /** A page of appeals, newest period first, then by code: keyset in SQL. */
  List<Appeal> pageNewestFirst(PageRequest page) {
    return newestFirst(false, page);
  }

  /** The same order, launched and closed appeals only (what the public may see). */
  List<Appeal> pagePublishedNewestFirst(PageRequest page) {
    return newestFirst(true, page);
  }

  Optional<Appeal> findPublished(String code) {
    return find("code = ?1 and status <> ?2", code, AppealStatus.DRAFT).firstResultOptional();
  }

  /**
   * A page of an appeal's revisions, oldest (number 0) first, each with its lines: two queries
   * whatever the page's size (the revisions, then their lines in one fetch).
   */
  List<AppealRevision> revisionsPage(String appealCode, PageRequest page) {
    var em = getEntityManager();
    var query =
        em.createQuery(
                "select r from AppealRevision r where r.appeal.code = :code"
                    + (page.after().isPresent() ? " and " + Keyset.after("r.number") : "")
                    + " order by r.number",
                AppealRevision.class)
            .setParameter("code", appealCode)
            .setMaxResults(page.fetch());
    page.after().ifPresent(after -> query.setParameter("k0", (int) after.number(0)));
    var revisions = query.getResultList();
    if (!revisions.isEmpty()) {
      em.createQuery(
              "select distinct r from AppealRevision r left join fetch r.lines where r.id in :ids",
              AppealRevision.class)
          .setParameter("ids", revisions.stream().map(AppealRevision::id).toList())
          .getResultList();
    }
    return revisions;
  }

  Optional<AppealRevision> findRevision(String appealCode, int number) {
    return getEntityManager()
        .createQuery(
            "select r from AppealRevision r where r.appeal.code = :code and r.number = :number",
            AppealRevision.class)
        .setParameter("code", appealCode)
        .setParameter("number", number)
        .getResultStream()
        .findFirst();
  }

  private List<Appeal> newestFirst(boolean publishedOnly, PageRequest page) {
    var where = new ArrayList<String>();
    if (publishedOnly) {
      where.add("a.status <> :draft");
    }
    if (page.after().isPresent()) {
      // descending period, ascending code: the keyset condition written out
      where.add("(a.periodStart < :k0 or (a.periodStart = :k0 and a.code > :k1))");
    }
    var query =
        getEntityManager()
            .createQuery(
                "select a from Appeal a"
                    + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                    + " order by a.periodStart desc, a.code",
                Appeal.class)
            .setMaxResults(page.fetch());
    if (publishedOnly) {
      query.setParameter("draft", AppealStatus.DRAFT);
    }
    page.after()
        .ifPresent(
            after -> query.setParameter("k0", after.date(0)).setParameter("k1", after.string(1)));
    return withViewParts(query.getResultList());
  }

  /**
   * Loads what {@link AppealView} shows of these appeals (current lines, revisions, the original
   * revision's lines) in three queries, however many appeals the page holds: no query per appeal.
   */
  private List<Appeal> withViewParts(List<Appeal> appeals) {
    if (appeals.isEmpty()) {
      return appeals;
    }
    var em = getEntityManager();
    var codes = appeals.stream().map(Appeal::code).toList();
    em.createQuery(
            "select distinct a from Appeal a left join fetch a.lines where a.code in :codes",
            Appeal.class)
        .setParameter("codes", codes)
        .getResultList();
    em.createQuery(
            "select distinct a from Appeal a left join fetch a.revisions where a.code in :codes",
            Appeal.class)
        .setParameter("codes", codes)
        .getResultList();
    em.createQuery(
            "select distinct r from AppealRevision r left join fetch r.lines"
                + " where r.appeal.code in :codes and r.number = 0",
            AppealRevision.class)
        .setParameter("codes", codes)
        .getResultList();
    return appeals;
  }
}
