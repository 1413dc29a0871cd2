package org.gridgov.accounts.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP), with the JDK's {@link Mac}: the moving factor is
 * the number of 30-second steps since the Unix epoch, the code the dynamically truncated HMAC of it, in
 * {@code digits} decimal digits. The platform uses HMAC-SHA1 and 6 digits (what every authenticator app reads from
 * an {@code otpauth://} URI); SHA-256/512 and 8 digits are here for the RFC's test vectors. Public because the web
 * tests play the authenticator app with it; production code outside this module never uses it.
 */
public final class Totp {

    /** Seconds per step. */
    public static final long STEP_SECONDS = 30;
    /** Digits of a platform code. */
    public static final int DIGITS = 6;
    /** Steps before and after the current one that are also accepted (clock drift, typing time). */
    public static final int WINDOW = 1;

    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Totp() {
    }

    /** The step an instant falls in. */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The platform's code (HMAC-SHA1, 6 digits) for a step. */
    public static String code(byte[] secret, long step) {
        return code("HmacSHA1", secret, step, DIGITS);
    }

    /** The code for a step with the given HMAC ({@code HmacSHA1}, {@code HmacSHA256}, {@code HmacSHA512}). */
    public static String code(String algorithm, byte[] secret, long step, int digits) {
        if (digits < 6 || digits > 8) {
            throw new IllegalArgumentException("6 to 8 digits");
        }
        byte[] hash;
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret, "RAW"));
            hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(algorithm, ex);
        }
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        String code = Integer.toString(binary % POWERS[digits]);
        return "0".repeat(digits - code.length()) + code;
    }

    /**
     * The step within the window around {@code now} whose code is {@code code}, if any (latest first); codes are
     * compared in constant time. Anything but exactly six digits matches nothing.
     */
    public static OptionalLong matchingStep(byte[] secret, String code, Instant now) {
        if (code == null || !code.matches("[0-9]{6}")) {
            return OptionalLong.empty();
        }
        long current = step(now);
        OptionalLong found = OptionalLong.empty();
        for (long step = current + WINDOW; step >= current - WINDOW; step--) {
            boolean equal = MessageDigest.isEqual(code(secret, step).getBytes(StandardCharsets.US_ASCII),
                    code.getBytes(StandardCharsets.US_ASCII));
            if (equal && found.isEmpty()) {
                found = OptionalLong.of(step);
            }
        }
        return found;
    }
}
