package org.gridgov.web.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.gridgov.GridGovApplication;
import org.gridgov.demo.DemoLoadGate;
import org.gridgov.grid.BackgroundLoad;
import org.gridgov.web.IsolatedDatabase;
import org.gridgov.web.testsupport.DemoUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The small demo county loading in the background, as the run command does it, held by a gate just before its cases
 * (the county and its users are committed by then): pages answer the progress page, the API 503 with Retry-After, the
 * health endpoint OUT_OF_SERVICE, and signing in works; once the gate opens, everything answers normally and health
 * is UP. On a database of its own.
 */
@SpringBootTest(classes = GridGovApplication.class, properties = {"gridgov.demo=small",
        "gridgov.demo.background=true"})
@AutoConfigureMockMvc
@Import({IsolatedDatabase.class, DemoBackgroundLoadIT.HeldBeforeCases.class})
@DirtiesContext
class DemoBackgroundLoadIT {

    /** Counted down when the loader reaches the cases; the loader waits for {@link #RELEASE}. */
    static final CountDownLatch AT_CASES = new CountDownLatch(1);
    static final CountDownLatch RELEASE = new CountDownLatch(1);

    @TestConfiguration(proxyBeanMethods = false)
    static class HeldBeforeCases {

        @Bean
        DemoLoadGate holdBeforeCases() {
            return phase -> {
                if (phase.equals("cases")) {
                    AT_CASES.countDown();
                    RELEASE.await();
                }
            };
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    BackgroundLoad load;

    @Test
    void answersTheProgressWhileLoadingAndServesOnceLoaded() throws Exception {
        assertThat(AT_CASES.await(5, TimeUnit.MINUTES)).as("the loader reached the cases").isTrue();
        try {
            assertThat(load.progress().status()).isEqualTo(BackgroundLoad.Status.LOADING);
            assertThat(load.progress().usersReady()).isTrue();

            // a page, in both languages: 503, Retry-After, the phase and its counts
            mvc.perform(get("/cases").header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string(HttpHeaders.RETRY_AFTER, "3"))
                    .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("data-phase=\"cases\"")))
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("第 10/11 步：生成一年的案件")))
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("0 / 600")))
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("http-equiv=\"refresh\"")));
            mvc.perform(get("/").header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString(
                            "Step 10 of 11: generating a year of cases")))
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("0 of 600 done (0%)")));

            // the API: 503 in its error shape, with Retry-After, signed in or not
            mvc.perform(get("/api/v1/cases"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string(HttpHeaders.RETRY_AFTER, "3"))
                    .andExpect(jsonPath("$.status").value(503))
                    .andExpect(jsonPath("$.error").value("loading"));
            String token = DemoUsers.token(mvc, "admin");
            mvc.perform(get("/api/v1/cases").with(DemoUsers.bearer(token)))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(jsonPath("$.error").value("loading"));

            // the users are in: the sign-in page and the form login work
            mvc.perform(get("/login")).andExpect(status().isOk());
            mvc.perform(post("/login").param("username", "admin").param("password", DemoUsers.PASSWORD).with(csrf()))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(authenticated().withUsername("admin"));

            // static files and health answer; health says the application is not ready
            mvc.perform(get("/css/gridgov.css")).andExpect(status().isOk());
            mvc.perform(get("/actuator/health"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(jsonPath("$.status").value("OUT_OF_SERVICE"));
        }
        finally {
            RELEASE.countDown();
        }

        awaitTheEndOfTheLoad();
        assertThat(load.progress().status()).isEqualTo(BackgroundLoad.Status.DONE);
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        String token = DemoUsers.token(mvc, "admin");
        mvc.perform(get("/api/v1/cases").with(DemoUsers.bearer(token)))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist(HttpHeaders.RETRY_AFTER))
                .andExpect(jsonPath("$.total").value(600));
        mvc.perform(get("/cases").with(DemoUsers.as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("data-testid=\"loading\""))));
    }

    /** Waits for the loader's thread to finish the cases and visits (a bound against a hung load, not a timing). */
    private void awaitTheEndOfTheLoad() throws InterruptedException {
        for (int i = 0; i < 3000 && load.progress().status() == BackgroundLoad.Status.LOADING; i++) {
            Thread.sleep(100);
        }
    }
}
