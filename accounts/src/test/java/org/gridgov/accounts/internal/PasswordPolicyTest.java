package org.gridgov.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.gridgov.grid.DomainException;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    /** The demo county's password (web-app's DEMO_PASSWORD, which this module cannot see). */
    static final String DEMO_PASSWORD = "gridgov-demo";

    final PasswordPolicy relaxed = new PasswordPolicy(10, false, 0);
    final PasswordPolicy strict = new PasswordPolicy(10, true, 90);

    static String codeOf(PasswordPolicy policy, String username, String password) {
        try {
            policy.check(username, password);
            return null;
        }
        catch (DomainException ex) {
            assertThat(ex.field()).isEqualTo("newPassword");
            return ex.code();
        }
    }

    @Test
    void refusesPasswordsShorterThanTenCharacters() {
        assertThat(codeOf(relaxed, "zhang", "Ab3$efgh9")).isEqualTo("password.tooShort");
    }

    @Test
    void refusesPasswordsLongerThanBcryptReads() {
        assertThat(codeOf(relaxed, "zhang", "Lantern-Harbor-".repeat(4) + "abcdefghijkl")).isNull(); // 72 bytes
        assertThat(codeOf(relaxed, "zhang", "Lantern-Harbor-".repeat(4) + "abcdefghijklm"))
                .isEqualTo("password.tooLong"); // 73 bytes
        assertThat(codeOf(relaxed, "zhang", "灯塔港口".repeat(7))).isEqualTo("password.tooLong"); // 84 bytes
        assertThat(codeOf(relaxed, "zhang", "a".repeat(100_000))).isEqualTo("password.tooLong");
    }

    @Test
    void refusesCommonPasswordsWhateverTheirCase() {
        for (String common : new String[] {"woaini1314", "1234567890", "qwertyuiop", "Password123", "a123456789",
                "Woaini5201314", "zhangwei2024"}) {
            assertThat(codeOf(relaxed, "someone", common)).as(common).isEqualTo("password.common");
        }
    }

    @Test
    void refusesTheUserNameAsPassword() {
        assertThat(codeOf(relaxed, "wangxiaoming1", "WangXiaoMing1")).isEqualTo("password.common");
    }

    @Test
    void asksForThreeCharacterClassesOnlyWhenComplexityIsOn() {
        assertThat(codeOf(relaxed, "someone", "tall-river-stone")).isNull();
        assertThat(codeOf(strict, "someone", "tall-river-stone")).isEqualTo("password.complexity");
        assertThat(codeOf(strict, "someone", "Tall-river-stone")).isNull();
        assertThat(codeOf(strict, "someone", "tallriverstone7")).isEqualTo("password.complexity");
        assertThat(codeOf(strict, "someone", "Tallriverstone7")).isNull();
    }

    @Test
    void theDemoPasswordPassesTheDefaultRulesButNotTheProductionComplexity() {
        assertThatCode(() -> relaxed.check("grid1", DEMO_PASSWORD)).doesNotThrowAnyException();
        assertThatThrownBy(() -> strict.check("grid1", DEMO_PASSWORD))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void aPasswordExpiresAfterTheMaximumAgeOnlyWhenOneIsSet() {
        Instant now = Instant.parse("2026-11-26T00:00:00Z");
        assertThat(strict.expired(now.minus(Duration.ofDays(91)), now)).isTrue();
        assertThat(strict.expired(now.minus(Duration.ofDays(89)), now)).isFalse();
        assertThat(relaxed.expired(now.minus(Duration.ofDays(4000)), now)).isFalse();
    }
}
