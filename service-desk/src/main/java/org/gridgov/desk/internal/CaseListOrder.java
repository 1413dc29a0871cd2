package org.gridgov.desk.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import org.gridgov.desk.CaseQuery;
import org.gridgov.desk.CaseStatus;
import org.gridgov.grid.DomainException;

/**
 * The order of a case list as sort keys, and its keyset cursor: the page after a row is the rows whose keys come
 * after that row's keys (the id last, so that the order is total and cases reported at the same instant neither
 * repeat nor go missing between pages). The cursor is the last row's keys with the order's name, base64url-encoded;
 * it carries no scope (the query applies the caller's scope as always) and anything that does not parse as a cursor
 * of the list's order is refused as a wrong parameter.
 */
final class CaseListOrder {

    static final Instant FAR_FUTURE = Instant.parse("9999-01-01T00:00:00Z");
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final LocalDate FAR_DAY = LocalDate.of(9999, 1, 1);
    private static final int MAX_CURSOR = 200;

    private CaseListOrder() {
    }

    /** One key of an order: its expression over the case projection and its direction. */
    record Key(Expression<? extends Comparable<?>> expression, boolean ascending) {
    }

    /** The keys of an order, most significant first. */
    static List<Key> keys(CaseQuery.Order order, Root<CaseRecord> root, CriteriaBuilder cb) {
        Expression<Instant> reported = root.get("reportedAt");
        Expression<Long> id = root.get("id");
        return switch (order == null ? CaseQuery.Order.NEWEST : order) {
            case NEWEST -> List.of(new Key(reported, false), new Key(id, false));
            case MOST_URGENT -> List.of(new Key(cb.coalesce(root.<Instant>get("stageRedAt"), FAR_FUTURE), true),
                    new Key(reported, true), new Key(id, true));
            case REVIEW_DATE -> List.of(new Key(cb.coalesce(root.<LocalDate>get("reviewDate"), FAR_DAY), true),
                    new Key(id, true));
            case LONGEST_CLOSED -> List.of(new Key(cb.coalesce(root.<Instant>get("closedAt"), FAR_FUTURE), true),
                    new Key(id, true));
            case TASKS -> {
                // new reports first (no clock runs on them), then the soonest red deadline, then newest first
                Predicate fresh = cb.equal(root.get("status"), CaseStatus.REPORTED);
                yield List.of(new Key(cb.<Integer>selectCase().when(fresh, 0).otherwise(1), true),
                        new Key(cb.<Instant>selectCase().when(fresh, FAR_FUTURE)
                                .otherwise(cb.coalesce(root.<Instant>get("stageRedAt"), FAR_FUTURE)), true),
                        new Key(reported, false), new Key(id, false));
            }
        };
    }

    static List<Order> orderBy(List<Key> keys, CriteriaBuilder cb) {
        return keys.stream().map(k -> k.ascending() ? cb.asc(k.expression()) : cb.desc(k.expression())).toList();
    }

    /**
     * The rows after a row with these key values: (k1, k2, …) past (v1, v2, …) in the order's directions, written
     * with a leading bound on the first key alone so that an index on the keys is entered at the cursor, not walked
     * from its start.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Predicate after(List<Key> keys, List<Object> values, CriteriaBuilder cb) {
        Key first = keys.get(0);
        Comparable v0 = (Comparable) values.get(0);
        Expression e0 = first.expression();
        Predicate bound = first.ascending() ? cb.greaterThanOrEqualTo(e0, v0) : cb.lessThanOrEqualTo(e0, v0);
        List<Predicate> any = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            List<Predicate> all = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                all.add(cb.equal(keys.get(j).expression(), values.get(j)));
            }
            Expression e = keys.get(i).expression();
            Comparable v = (Comparable) values.get(i);
            all.add(keys.get(i).ascending() ? cb.greaterThan(e, v) : cb.lessThan(e, v));
            any.add(cb.and(all.toArray(Predicate[]::new)));
        }
        return cb.and(bound, cb.or(any.toArray(Predicate[]::new)));
    }

    /** The key values of a row in an order (the same values {@link #keys} compute in the database). */
    static List<Object> values(CaseQuery.Order order, CaseRecord row) {
        Instant red = row.stageRedAt() == null ? FAR_FUTURE : row.stageRedAt();
        return switch (order == null ? CaseQuery.Order.NEWEST : order) {
            case NEWEST -> List.of(row.reportedAt(), row.id());
            case MOST_URGENT -> List.of(red, row.reportedAt(), row.id());
            case REVIEW_DATE -> List.of(row.reviewDate() == null ? FAR_DAY : row.reviewDate(), row.id());
            case LONGEST_CLOSED -> List.of(row.closedAt() == null ? FAR_FUTURE : row.closedAt(), row.id());
            case TASKS -> {
                boolean fresh = row.status() == CaseStatus.REPORTED;
                yield List.of(fresh ? 0 : 1, fresh ? FAR_FUTURE : red, row.reportedAt(), row.id());
            }
        };
    }

    /** The cursor of the page after {@code row}. */
    static String cursor(CaseQuery.Order order, CaseRecord row) {
        StringBuilder text = new StringBuilder(name(order));
        for (Object value : values(order, row)) {
            text.append('|').append(value);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The key values a cursor holds; a cursor that is not one of this order's answers 400 (field {@code after}). */
    static List<Object> parse(CaseQuery.Order order, String cursor) {
        try {
            if (cursor.length() > MAX_CURSOR) {
                throw new IllegalArgumentException("too long");
            }
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
            List<Class<?>> types = types(order);
            if (!parts[0].equals(name(order)) || parts.length != types.size() + 1) {
                throw new IllegalArgumentException("another order");
            }
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < types.size(); i++) {
                values.add(read(types.get(i), parts[i + 1]));
            }
            return values;
        }
        catch (RuntimeException ex) {
            throw DomainException.onField("after", "case.search.cursor");
        }
    }

    /** The types of an order's keys, as {@link #values} gives them. */
    private static List<Class<?>> types(CaseQuery.Order order) {
        return switch (order == null ? CaseQuery.Order.NEWEST : order) {
            case NEWEST -> List.of(Instant.class, Long.class);
            case MOST_URGENT -> List.of(Instant.class, Instant.class, Long.class);
            case REVIEW_DATE -> List.of(LocalDate.class, Long.class);
            case LONGEST_CLOSED -> List.of(Instant.class, Long.class);
            case TASKS -> List.of(Integer.class, Instant.class, Instant.class, Long.class);
        };
    }

    /** One key value, within what the database stores (a year outside 1..9999 is no cursor of ours). */
    private static Object read(Class<?> type, String text) {
        if (type == Instant.class) {
            Instant value = Instant.parse(text);
            if (value.isBefore(EARLIEST) || value.isAfter(FAR_FUTURE)) {
                throw new IllegalArgumentException("out of range");
            }
            return value;
        }
        if (type == LocalDate.class) {
            LocalDate value = LocalDate.parse(text);
            if (value.getYear() < 1 || value.isAfter(FAR_DAY)) {
                throw new IllegalArgumentException("out of range");
            }
            return value;
        }
        return type == Integer.class ? (Object) Integer.valueOf(text) : (Object) Long.valueOf(text);
    }

    private static String name(CaseQuery.Order order) {
        return (order == null ? CaseQuery.Order.NEWEST : order).name();
    }
}
