package org.gridgov.web.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The change-password form: the current password, the new one twice. */
record PasswordForm(@NotBlank @Size(max = 200) String oldPassword, @NotBlank @Size(max = 200) String newPassword,
                    @NotBlank @Size(max = 200) String confirmPassword) {

    static PasswordForm empty() {
        return new PasswordForm("", "", "");
    }
}
