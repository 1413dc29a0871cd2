package org.gridgov.grid;

/** Someone else changed the record since the user loaded it: nothing was saved. */
public class StaleVersionException extends DomainException {

    public StaleVersionException(String what, Object id) {
        super("error.staleVersion", what, id);
    }
}
