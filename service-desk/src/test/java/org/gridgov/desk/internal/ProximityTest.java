package org.gridgov.desk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ProximityTest {

    @Test
    void measuresGroundDistance() {
        // 0.001 degree of latitude is about 111 m; of longitude at 33°N about 93 m
        assertThat(Proximity.metres(33.0, 112.5, 33.001, 112.5)).hasValueSatisfying(
                m -> assertThat(m).isCloseTo(110.9, within(0.5)));
        assertThat(Proximity.metres(33.0, 112.5, 33.0, 112.501)).hasValueSatisfying(
                m -> assertThat(m).isCloseTo(93.5, within(0.5)));
        assertThat(Proximity.metres(33.0, 112.5, null, 112.5)).isEmpty();
    }

    @Test
    void matchesAddressesWrittenWithOtherSpacingOrFullWidthDigits() {
        assertThat(Proximity.sameAddress("书香新村 2号楼", "书香新村２号楼")).isTrue();
        assertThat(Proximity.sameAddress("书香新村2号楼", "书香新村3号楼")).isFalse();
        assertThat(Proximity.sameAddress("", "")).isFalse();
        assertThat(Proximity.sameAddress(null, null)).isFalse();
    }
}
