package org.gridgov.grid;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: zero-based page number, page size and the total across pages. Over large lists the total is
 * counted up to a cap only: {@code totalExact} false means there are at least {@code total} items (the cap).
 * {@code next} is the keyset cursor of the page after this one (null on the last page, or when the list has none).
 */
public record PageResult<T>(List<T> items, int page, int size, long total, boolean totalExact, String next) {

    /** A page whose total is exact and which has no keyset cursor. */
    public PageResult(List<T> items, int page, int size, long total) {
        this(items, page, size, total, true, null);
    }

    public int totalPages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    /** Whether a page follows this one (by the count, or by the cursor when the count is capped). */
    public boolean hasNext() {
        return next != null || (long) (page + 1) * size < total;
    }

    public <R> PageResult<R> map(Function<T, R> mapper) {
        return new PageResult<>(items.stream().map(mapper).toList(), page, size, total, totalExact, next);
    }
}
