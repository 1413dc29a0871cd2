package org.gridgov.audit;

/**
 * Who is acting and from where, as the front end knows it: web-app implements it over the current HTTP request and
 * the signed-in user, so that this module knows nothing of the web. Without an implementation nothing runs in a
 * request: {@link org.gridgov.grid.Audited} calls are not audited and rows carry no address.
 */
public interface AuditContext {

    /** The context of a process without requests (jobs, tests of a module alone). */
    AuditContext NONE = new AuditContext() {
        @Override
        public boolean inRequest() {
            return false;
        }

        @Override
        public String user() {
            return null;
        }

        @Override
        public String clientIp() {
            return null;
        }

        @Override
        public boolean refused(Throwable failure) {
            return false;
        }
    };

    /**
     * Whether the current thread serves a user's request; {@link org.gridgov.grid.Audited} calls made outside one
     * (the overdue sweep, the demo loader) are not audited.
     */
    boolean inRequest();

    /** The acting user's name, or null. */
    String user();

    /** The client's address, or null outside a request. */
    String clientIp();

    /** Whether a failure means the caller was refused (not allowed), rather than the work failing. */
    boolean refused(Throwable failure);
}
