package org.gridgov.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The key a name and an address are counted under. */
class LoginFailuresTest {

    @Test
    void aNameIsCountedStrippedAndAtMostSixtyFourCharactersLong() {
        assertThat(LoginFailures.key("  admin ")).isEqualTo("admin");
        assertThat(LoginFailures.key(null)).isEmpty();
        String longName = "名".repeat(70);
        assertThat(LoginFailures.key(longName)).hasSize(64).isEqualTo("名".repeat(64));
        String emoji = "😀".repeat(70);
        assertThat(LoginFailures.key(emoji).codePointCount(0, LoginFailures.key(emoji).length())).isEqualTo(64);
        assertThat(LoginFailures.address(null)).isEqualTo("unknown");
    }
}
