package org.gridgov.grid;

/** Absent, or outside the caller's data scope: the two are indistinguishable on purpose (404 either way). */
public class NotFoundException extends RuntimeException {

    private final String what;
    private final Object id;

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
        this.what = what;
        this.id = id;
    }

    public String what() {
        return what;
    }

    public Object id() {
        return id;
    }
}
