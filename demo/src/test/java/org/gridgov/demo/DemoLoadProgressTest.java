package org.gridgov.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;

import org.gridgov.grid.BackgroundLoad;
import org.gridgov.grid.PlatformTime;
import org.gridgov.testsupport.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The demo load's progress as the web layer reads it, and a failed load that says so instead of going quiet. */
class DemoLoadProgressTest {

    private static final PlatformTime TIME = new PlatformTime(new TestClock(), ZoneId.of("Asia/Shanghai"));

    @Test
    void countsRowsPerPhaseAndStartsEachPhaseFromNothing() {
        DemoLoadProgress progress = new DemoLoadProgress();
        assertThat(progress.progress().status()).isEqualTo(BackgroundLoad.Status.LOADING);
        progress.phase("residents", 2_000);
        progress.advance(500);
        BackgroundLoad.Progress now = progress.progress();
        assertThat(now.phase()).isEqualTo("residents");
        assertThat(now.step()).isEqualTo(DemoLoadProgress.PHASES.indexOf("residents") + 1);
        assertThat(now.steps()).isEqualTo(DemoLoadProgress.PHASES.size());
        assertThat(now.done()).isEqualTo(500);
        assertThat(now.percent()).isEqualTo(25);
        assertThat(now.usersReady()).isFalse();
        progress.phase("cases", 0);
        assertThat(progress.progress().done()).isZero();
        assertThat(progress.progress().percent()).isZero();
        assertThatThrownBy(() -> progress.phase("coffee", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFailedLoadKeepsItsPhaseAndCause() {
        DemoLoadProgress progress = new DemoLoadProgress();
        DemoCountyLoader loader = new DemoCountyLoader(null, null,
                new DefaultListableBeanFactory().getBeanProvider(PasswordEncoder.class), "small",
                new DefaultListableBeanFactory().getBeanProvider(org.gridgov.desk.WorkCalendar.class), null, TIME,
                false, progress, phase -> {
                    throw new IllegalStateException("disk full");
                });
        assertThatThrownBy(() -> loader.run(null)).hasMessage("disk full");
        BackgroundLoad.Progress failed = progress.progress();
        assertThat(failed.status()).isEqualTo(BackgroundLoad.Status.FAILED);
        assertThat(failed.phase()).isEqualTo("database");
        assertThat(failed.failure()).isEqualTo("IllegalStateException: disk full");
        assertThat(failed.usersReady()).isFalse();
    }

    @Test
    void withoutADemoThereIsNothingToWaitFor() {
        DemoLoadProgress progress = new DemoLoadProgress();
        new DemoCountyLoader(null, null, new DefaultListableBeanFactory().getBeanProvider(PasswordEncoder.class), "",
                new DefaultListableBeanFactory().getBeanProvider(org.gridgov.desk.WorkCalendar.class), null, TIME,
                true, progress, phase -> { });
        assertThat(progress.progress().status()).isEqualTo(BackgroundLoad.Status.DONE);
    }
}
