package org.gridgov.web.support;

import java.util.List;
import java.util.function.Function;

/**
 * One page of an API list, the web layer's own shape (zero-based page number, page size, total across pages), so
 * that the JSON does not follow changes of the domain's page type.
 */
public record PageResult<T>(List<T> items, int page, int size, long total) {

    /** The domain's page with each item mapped to its API record. */
    public static <S, T> PageResult<T> of(org.gridgov.grid.PageResult<S> page, Function<S, T> item) {
        return new PageResult<>(page.items().stream().map(item).toList(), page.page(), page.size(), page.total());
    }
}
