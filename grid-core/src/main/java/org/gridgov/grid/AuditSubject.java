package org.gridgov.grid;

/**
 * How a command or a view of an {@link Audited} operation appears in its audit row: a command passed as the
 * operation's {@link Audited#detailParam()} gives the detail, a view returned by an operation that creates its object
 * names the object (and may add a detail).
 */
public interface AuditSubject {

    /** The name after the object kind, {@code 42} in {@code resident:42}; null when this names no object. */
    default String auditName() {
        return null;
    }

    /** What the audit row's detail column says; null for nothing. */
    default String auditDetail() {
        return null;
    }
}
