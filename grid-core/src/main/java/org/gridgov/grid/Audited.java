package org.gridgov.grid;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * 审计 — marks an operation of a module's API whose every call made on behalf of a user is written to the audit log:
 * one row with the user, the client address, the action, the object and how the call ended (success, failure or
 * refusal). The module declares what is audited; the audit module reads this mark and writes the rows, so the
 * domain modules do not depend on it.
 * <p>
 * The object is named {@code <object>:<id>}, the id taken from parameter {@link #idParam()}. A call that creates its
 * object ({@link #NEW}) is named {@code <object>:new} until it returns, then by the returned value when that is an
 * {@link AuditSubject}, which may also give the detail (a look-up's "found 1").
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Audited {

    /** {@link #idParam()} of a call that creates its object. */
    int NEW = -1;

    /** {@link #detailParam()} when no parameter says anything for the detail column. */
    int NONE = -1;

    /** The action as the audit log stores it, e.g. {@code CASE_ACTION} (a name of the audit log's actions). */
    String action();

    /** The kind of object, the object column's prefix: {@code case} names a case {@code case:42}. */
    String object();

    /** The index of the parameter holding the object's id; {@link #NEW} when the call creates the object. */
    int idParam() default NEW;

    /** The index of the parameter (an {@link AuditSubject}) whose detail goes into the detail column. */
    int detailParam() default NONE;

    /**
     * What the object is called, after the kind, while a call with {@link #idParam()} {@link #NEW} has not returned
     * a named {@link AuditSubject} (and in the row of a call that failed): {@code resident:new} by default.
     */
    String unnamed() default "new";
}
