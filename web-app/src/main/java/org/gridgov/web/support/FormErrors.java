package org.gridgov.web.support;

import org.gridgov.grid.DomainException;
import org.gridgov.grid.StaleVersionException;
import org.springframework.validation.BindingResult;

/** Puts a domain error on the form field it concerns, or on the form as a whole. */
public final class FormErrors {

    private FormErrors() {
    }

    public static void reject(BindingResult result, DomainException ex) {
        if (ex instanceof StaleVersionException) {
            result.reject("error.staleVersion");
        }
        else if (ex.field() != null && result.getTarget() != null && hasField(result, ex.field())) {
            result.rejectValue(ex.field(), ex.code(), ex.args(), ex.code());
        }
        else {
            result.reject(ex.code(), ex.args(), ex.code());
        }
    }

    private static boolean hasField(BindingResult result, String field) {
        try {
            result.getFieldType(field);
            return result.getFieldType(field) != null;
        }
        catch (RuntimeException ex) {
            return false;
        }
    }
}
