package org.gridgov.grid.internal;

import java.util.function.Supplier;

import org.gridgov.grid.DataScope;
import org.gridgov.grid.DataScopeContext;

/**
 * The one place the data scope reaches the database. The Hibernate filter {@value #NAME} is declared on
 * {@link Unit} (auto-enabled, applied to loads by id too) and attached to every scoped entity with a condition on
 * its path; its single parameter is resolved here from the thread's {@link DataScopeContext}.
 */
public final class ScopeFilter implements Supplier<String> {

    public static final String NAME = DataScope.FILTER;
    public static final String PARAM = DataScope.FILTER_PARAM;

    @Override
    public String get() {
        return DataScopeContext.pathPattern();
    }
}
