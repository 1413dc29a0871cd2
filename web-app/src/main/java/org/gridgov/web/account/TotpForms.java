package org.gridgov.web.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The forms of the second factor (TOTP): a code (login step, confirmation), and removal (password and code). */
final class TotpForms {

    private TotpForms() {
    }

    /** A 6-digit code from the authenticator. */
    record CodeForm(@NotBlank @Size(max = 16) String code) {

        static CodeForm empty() {
            return new CodeForm("");
        }
    }

    /** Switching the second factor off: the password and a current code. */
    record RemovalForm(@NotBlank @Size(max = 200) String password, @NotBlank @Size(max = 16) String code) {

        static RemovalForm empty() {
            return new RemovalForm("", "");
        }
    }
}
