package org.gridgov.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

class FieldProtectorTest {

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private final FieldProtector protector = FieldProtector.sm4(random(16), random(32));

    @Test
    void encryptsSoThePlainTextIsNotInTheCipherAndDecryptsBack() {
        String id = "11010519491231002X";
        byte[] cipher = protector.encrypt(id);
        assertThat(new String(cipher, StandardCharsets.ISO_8859_1)).doesNotContain("1949").doesNotContain(id);
        assertThat(protector.decrypt(cipher)).isEqualTo(id);
        assertThat(protector.encrypt(id)).isNotEqualTo(cipher);
    }

    @Test
    void hashesEqualValuesEquallyAndDependsOnTheKey() {
        assertThat(protector.lookupHash("13812345678")).isEqualTo(protector.lookupHash("13812345678"));
        assertThat(protector.lookupHash("13812345678")).isNotEqualTo(protector.lookupHash("13812345679"));
        FieldProtector other = FieldProtector.sm4(random(16), random(32));
        assertThat(other.lookupHash("13812345678")).isNotEqualTo(protector.lookupHash("13812345678"));
    }

    @Test
    void refusesATamperedCipher() {
        byte[] cipher = protector.encrypt("13812345678");
        cipher[cipher.length - 1] ^= 1;
        assertThatThrownBy(() -> protector.decrypt(cipher)).isInstanceOf(IllegalStateException.class);
    }
}
