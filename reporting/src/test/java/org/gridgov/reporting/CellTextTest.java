package org.gridgov.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CellTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://x\",\"y\")", "+86 138", "-1+2", "@SUM(A1)", "\t=1", "\r=1", "=",
            "==", "'=already"})
    void prefixesFormulaLikeTextWithAQuote(String value) {
        if (value.startsWith("'")) {
            assertThat(CellText.neutralise(value)).isEqualTo(value);
        }
        else {
            assertThat(CellText.neutralise(value)).isEqualTo("'" + value);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"幸福路 8 号", "138****5678", "a=b", "1-2", "x@y.cn", " =1", "20261001000001"})
    void leavesOrdinaryTextAlone(String value) {
        assertThat(CellText.neutralise(value)).isEqualTo(value);
    }

    @Test
    void keepsNullAndEmpty() {
        assertThat(CellText.neutralise(null)).isNull();
        assertThat(CellText.neutralise("")).isEmpty();
    }

    @Test
    void neutralisesOnlyOnce() {
        assertThat(CellText.neutralise(CellText.neutralise("=1+1"))).isEqualTo("'=1+1");
    }
}
