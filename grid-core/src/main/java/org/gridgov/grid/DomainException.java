package org.gridgov.grid;

/**
 * A rule of the domain was broken. Carries a message code (resolved in the user's language by the web layer), its
 * arguments, and optionally the form field it concerns.
 */
public class DomainException extends RuntimeException {

    private final String code;
    private final transient Object[] args;
    private final String field;

    public DomainException(String code, Object... args) {
        this(null, code, args);
    }

    private DomainException(String field, String code, Object... args) {
        super(code);
        this.code = code;
        this.args = args == null ? new Object[0] : args.clone();
        this.field = field;
    }

    /**
     * For a subclass refusing on a field. (Not {@code (field, code, args...)}: with a String first argument, a
     * subclass's {@code super(code, "text")} would silently take its code for the field.)
     */
    protected DomainException(String code, Object[] args, String field) {
        this(field, code, args);
    }

    public static DomainException onField(String field, String code, Object... args) {
        return new DomainException(field, code, args);
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }

    /** The form field at fault, or null when the error concerns the whole request. */
    public String field() {
        return field;
    }
}
