package org.gridgov.party;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TermMixTest {

    @Test
    void countsTwoSixTwoAsBalanced() {
        TermMix mix = TermMix.of(1, "社区", "2026-Q1", 2, 6, 2);
        assertThat(mix.total()).isEqualTo(10);
        assertThat(mix.immediatePercent()).isEqualTo(20);
        assertThat(mix.shortTermPercent()).isEqualTo(60);
        assertThat(mix.longTermPercent()).isEqualTo(20);
        assertThat(mix.balanced()).isTrue();
    }

    @Test
    void flagsAShareMoreThanTenPointsOffItsTarget() {
        assertThat(TermMix.of(1, "社区", "2026-Q1", 1, 3, 2).balanced()).isFalse();
        assertThat(TermMix.of(1, "社区", "2026-Q1", 3, 5, 2).balanced()).isTrue();
        assertThat(TermMix.of(1, "社区", "2026-Q1", 0, 0, 0).balanced()).isFalse();
    }
}
