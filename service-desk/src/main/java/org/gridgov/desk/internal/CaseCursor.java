package org.gridgov.desk.internal;

import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import org.gridgov.desk.CaseView;
import org.hibernate.jpa.HibernateHints;
import org.springframework.data.jpa.domain.Specification;

/**
 * Reads the cases of a list query through a server-side cursor: PostgreSQL sends {@value #FETCH} rows at a time
 * (the driver does so only inside a transaction, which the caller's read-only one provides), each row is turned
 * into a view and let go of at once, so a list of millions is read in constant memory and in the list's own order,
 * with the data scope's filter applied as to every query of the entity.
 */
final class CaseCursor {

    static final int FETCH = 500;

    private CaseCursor() {
    }

    static long forEach(EntityManager entities, Specification<CaseRecord> spec, Instant now,
                        Consumer<CaseView> each) {
        CriteriaBuilder cb = entities.getCriteriaBuilder();
        CriteriaQuery<CaseRecord> query = cb.createQuery(CaseRecord.class);
        Root<CaseRecord> root = query.from(CaseRecord.class);
        Predicate where = spec.toPredicate(root, query, cb);
        query.select(root);
        if (where != null) {
            query.where(where);
        }
        long count = 0;
        try (Stream<CaseRecord> rows = entities.createQuery(query)
                .setHint(HibernateHints.HINT_FETCH_SIZE, FETCH)
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultStream()) {
            var iterator = rows.iterator();
            while (iterator.hasNext()) {
                CaseRecord record = iterator.next();
                each.accept(record.view(now));
                // nothing read is kept by the persistence context: its size stays that of one row
                entities.detach(record);
                count++;
            }
        }
        return count;
    }
}
