package org.gridgov.work;

import org.gridgov.grid.DomainException;

/** The request clashes with the state of things (e.g. a patrol is already running): 409, nothing done. */
public class WorkConflictException extends DomainException {

    public WorkConflictException(String code, Object... args) {
        super(code, args);
    }
}
