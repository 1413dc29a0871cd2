package org.gridgov.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;

import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The TOTP algorithm against RFC 6238 appendix B, and the ±1 step window of the platform's 6-digit codes. */
class TotpTest {

    static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SHA512_SEED = ("1234567890123456789012345678901234567890123456789012345678901234")
            .getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "T = {0}: {1} / {2} / {3}")
    @CsvSource({
            "59,          94287082, 46119246, 90693936",
            "1111111109,  07081804, 68084774, 25091201",
            "1111111111,  14050471, 67062674, 99943326",
            "1234567890,  89005924, 91819424, 93441116",
            "2000000000,  69279037, 90698825, 38618901",
            "20000000000, 65353130, 77737706, 47863826"})
    void matchesTheTestVectorsOfRfc6238AppendixB(long seconds, String sha1, String sha256, String sha512) {
        long step = Totp.step(Instant.ofEpochSecond(seconds));
        assertThat(Totp.code("HmacSHA1", SHA1_SEED, step, 8)).isEqualTo(sha1);
        assertThat(Totp.code("HmacSHA256", SHA256_SEED, step, 8)).isEqualTo(sha256);
        assertThat(Totp.code("HmacSHA512", SHA512_SEED, step, 8)).isEqualTo(sha512);
        // the platform's 6-digit SHA-1 code is the same truncation modulo 10^6
        assertThat(Totp.code(SHA1_SEED, step)).isEqualTo(sha1.substring(2));
    }

    @Test
    void theRfcSeedInBase32IsWhatAnAuthenticatorAppReads() {
        assertThat(new Base32().encodeToString(SHA1_SEED)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    }

    @Test
    void acceptsTheCodeOfTheStepBeforeAndAfterButNotTwoAway() {
        Instant now = Instant.ofEpochSecond(1111111111);
        long step = Totp.step(now);
        assertThat(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, step), now)).isEqualTo(OptionalLong.of(step));
        assertThat(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, step - 1), now))
                .isEqualTo(OptionalLong.of(step - 1));
        assertThat(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, step + 1), now))
                .isEqualTo(OptionalLong.of(step + 1));
        assertThat(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, step - 2), now)).isEmpty();
        assertThat(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, step + 2), now)).isEmpty();
    }

    @Test
    void anythingButSixDigitsMatchesNothing() {
        Instant now = Instant.ofEpochSecond(59);
        String code = Totp.code(SHA1_SEED, Totp.step(now));
        assertThat(Totp.matchingStep(SHA1_SEED, code, now)).isPresent();
        assertThat(Totp.matchingStep(SHA1_SEED, code + "0", now)).isEmpty();
        assertThat(Totp.matchingStep(SHA1_SEED, code.substring(1), now)).isEmpty();
        assertThat(Totp.matchingStep(SHA1_SEED, null, now)).isEmpty();
        assertThat(Totp.matchingStep(SHA1_SEED, "28708a", now)).isEmpty();
    }
}
