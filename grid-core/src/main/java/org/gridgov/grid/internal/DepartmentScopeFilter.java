package org.gridgov.grid.internal;

import java.util.function.Supplier;

import org.gridgov.grid.DataScopeContext;

/** Resolves the scope filter's department parameter from the thread's {@link DataScopeContext} (0: none). */
public final class DepartmentScopeFilter implements Supplier<Long> {

    @Override
    public Long get() {
        return DataScopeContext.departmentId();
    }
}
