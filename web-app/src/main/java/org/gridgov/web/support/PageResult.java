package org.gridgov.web.support;

import java.util.List;
import java.util.function.Function;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One page of an API list, the web layer's own shape (zero-based page number, page size, total across pages), so
 * that the JSON does not follow changes of the domain's page type.
 */
public record PageResult<T>(List<T> items, int page, int size,
                            @Schema(description = "how many items the list has; when totalExact is false, at least "
                                    + "this many (counting stops at a cap)") long total,
                            @Schema(description = "false when total is the cap of the count, not the exact number")
                            boolean totalExact,
                            @Schema(description = "the cursor of the page after this one (pass it as after=…); "
                                    + "absent on the last page and on lists without a cursor") String next) {

    public PageResult(List<T> items, int page, int size, long total) {
        this(items, page, size, total, true, null);
    }

    /** The domain's page with each item mapped to its API record. */
    public static <S, T> PageResult<T> of(org.gridgov.grid.PageResult<S> page, Function<S, T> item) {
        return new PageResult<>(page.items().stream().map(item).toList(), page.page(), page.size(), page.total(),
                page.totalExact(), page.next());
    }
}
