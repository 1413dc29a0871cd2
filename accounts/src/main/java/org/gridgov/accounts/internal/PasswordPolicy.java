package org.gridgov.accounts.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.gridgov.grid.DomainException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Password policy (口令策略): at least {@code gridgov.security.password.min-length} characters (10), not one of the
 * common passwords shipped in {@code security/common-passwords.txt}, not the user name; optionally three of the four
 * classes lower case, upper case, digit, other ({@code gridgov.security.password.complexity}) and a maximum age
 * ({@code gridgov.security.password.max-age-days}, 0 = none). Both are off by default and on in the prod profile.
 */
@Component
class PasswordPolicy {

    private final int minLength;
    private final boolean complexity;
    private final int maxAgeDays;
    private final Set<String> common;

    PasswordPolicy(@Value("${gridgov.security.password.min-length:10}") int minLength,
                   @Value("${gridgov.security.password.complexity:false}") boolean complexity,
                   @Value("${gridgov.security.password.max-age-days:0}") int maxAgeDays) {
        this.minLength = minLength;
        this.complexity = complexity;
        this.maxAgeDays = maxAgeDays;
        this.common = load("/security/common-passwords.txt");
    }

    /** The most bcrypt takes into account. */
    static final int MAX_BYTES = 72;

    /** Throws a {@link DomainException} on field {@code newPassword} naming the first rule the password breaks. */
    void check(String username, String password) {
        String lower = password.toLowerCase(Locale.ROOT);
        if (password.length() < minLength) {
            throw DomainException.onField("newPassword", "password.tooShort", minLength);
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
            // bcrypt reads at most 72 bytes: a longer password would be cut (or refused by the encoder)
            throw DomainException.onField("newPassword", "password.tooLong", MAX_BYTES);
        }
        if (common.contains(lower) || lower.equals(username.toLowerCase(Locale.ROOT))) {
            throw DomainException.onField("newPassword", "password.common");
        }
        if (complexity && classes(password) < 3) {
            throw DomainException.onField("newPassword", "password.complexity");
        }
    }

    /** Whether a password set at {@code changedAt} is older than the maximum age at {@code now}. */
    boolean expired(Instant changedAt, Instant now) {
        return maxAgeDays > 0 && changedAt.plus(Duration.ofDays(maxAgeDays)).isBefore(now);
    }

    static int classes(String password) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (Character.isLowerCase(c)) {
                lower = true;
            }
            else if (Character.isUpperCase(c)) {
                upper = true;
            }
            else if (Character.isDigit(c)) {
                digit = true;
            }
            else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    private static Set<String> load(String resource) {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing class path resource " + resource);
            }
            Set<String> words = new HashSet<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .forEach(line -> words.add(line.strip().toLowerCase(Locale.ROOT)));
            return Set.copyOf(words);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
