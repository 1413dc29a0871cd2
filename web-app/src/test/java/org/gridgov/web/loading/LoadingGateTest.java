package org.gridgov.web.loading;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridgov.grid.BackgroundLoad;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Which requests pass the gate while the demo county loads: never one that reads accounts before they exist. */
class LoadingGateTest {

    private static final BackgroundLoad.Progress BEFORE_USERS = progress(BackgroundLoad.Status.LOADING, false);
    private static final BackgroundLoad.Progress AFTER_USERS = progress(BackgroundLoad.Status.LOADING, true);
    private static final BackgroundLoad.Progress FAILED = progress(BackgroundLoad.Status.FAILED, true);

    @Test
    void staticFilesAndHealthAlwaysPass() {
        for (String path : new String[] {"/css/gridgov.css", "/js/app.js", "/webjars/htmx.org/htmx.min.js",
                "/favicon.ico", "/actuator/health"}) {
            assertThat(LoadingGate.passes(get(path), BEFORE_USERS)).as(path).isTrue();
            assertThat(LoadingGate.passes(get(path), FAILED)).as(path).isTrue();
        }
    }

    @Test
    void signInOpensOnlyOnceTheAccountsExist() {
        assertThat(LoadingGate.passes(get("/login"), BEFORE_USERS)).isFalse();
        assertThat(LoadingGate.passes(post("/api/v1/auth/token"), BEFORE_USERS)).isFalse();
        assertThat(LoadingGate.passes(get("/login"), AFTER_USERS)).isTrue();
        assertThat(LoadingGate.passes(post("/login"), AFTER_USERS)).isTrue();
        assertThat(LoadingGate.passes(post("/api/v1/auth/token"), AFTER_USERS)).isTrue();
        assertThat(LoadingGate.passes(get("/api/v1/auth/token"), AFTER_USERS)).isFalse();
        // a failed load signs nobody in to a half-loaded county
        assertThat(LoadingGate.passes(post("/login"), FAILED)).isFalse();
    }

    @Test
    void pagesAndTheApiWaitEvenForSignedInUsers() {
        for (String path : new String[] {"/", "/cases", "/dashboard", "/api/v1/cases", "/v3/api-docs",
                "/loginx", "/css"}) {
            assertThat(LoadingGate.passes(get(path), AFTER_USERS)).as(path).isFalse();
        }
    }

    private static MockHttpServletRequest get(String path) {
        return new MockHttpServletRequest("GET", path);
    }

    private static MockHttpServletRequest post(String path) {
        return new MockHttpServletRequest("POST", path);
    }

    private static BackgroundLoad.Progress progress(BackgroundLoad.Status status, boolean usersReady) {
        return new BackgroundLoad.Progress(status, "cases", 10, 11, 0, 600, usersReady,
                status == BackgroundLoad.Status.FAILED ? "IllegalStateException: disk full" : null);
    }
}
