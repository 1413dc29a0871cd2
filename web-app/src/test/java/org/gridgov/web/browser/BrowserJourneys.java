package org.gridgov.web.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import org.gridgov.GridGovApplication;
import org.gridgov.testsupport.PostgresTestConfiguration;
import org.gridgov.web.support.MessageBundles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Real-browser journeys in Chromium on a 10-inch tablet viewport (800×1280, touch, zh-CN) against the small demo
 * county. Chromium comes from {@code GRIDGOV_CHROMIUM} or {@code /usr/bin/chromium}; a missing browser fails the
 * test (browser tests are never skipped).
 */
@SpringBootTest(classes = GridGovApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gridgov.demo=small", "gridgov.security.rate-limit.login-per-ip=100000",
                "gridgov.security.rate-limit.login-per-user=100000"})
@Import(PostgresTestConfiguration.class)
abstract class BrowserJourneys {

    static final String PASSWORD = "gridgov-demo";
    static final int TABLET_WIDTH = 800;
    static final int TABLET_HEIGHT = 1280;
    static final Pattern UNIT_URL = Pattern.compile(".*/units/(\\d+)(?:[?#].*)?$");
    /** Where every business role lands after signing in: 今日工作, its own work of the day. */
    static final Pattern TODAY_URL = Pattern.compile(".*/today(?:[?#].*)?$");

    private static Playwright playwright;
    private static Browser browser;
    private static Properties zhMessages;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    BrowserContext context;

    @BeforeAll
    static void launchChromium() throws IOException {
        String configured = System.getenv("GRIDGOV_CHROMIUM");
        Path executable = Paths.get(configured == null || configured.isBlank() ? "/usr/bin/chromium" : configured);
        if (!Files.isExecutable(executable)) {
            fail("Chromium not found at " + executable + ": install Debian's chromium package (apt-get install "
                    + "chromium) or point GRIDGOV_CHROMIUM at a Chromium binary. Browser tests are not skipped.");
        }
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--disable-quic")));
        zhMessages = MessageBundles.all(MessageBundles.ZH);
    }

    @AfterAll
    static void closeChromium() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void freshContext() {
        context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(TABLET_WIDTH, TABLET_HEIGHT)
                .setDeviceScaleFactor(1)
                .setHasTouch(true)
                .setLocale("zh-CN"));
        context.setDefaultTimeout(15_000);
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    void logIn(Page page, String username) {
        Response login = page.navigate(url("/login"));
        assertThat(login.status()).isEqualTo(200);
        page.locator("input[name=username]").fill(username);
        page.locator("input[name=password]").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(msg("login.submit")).setExact(true))
                .click();
        page.waitForURL(TODAY_URL);
        assertThat(page.url()).as("after signing in as " + username).matches(TODAY_URL.pattern());
    }

    /** Clicks a link like a user and waits until the browser shows the page it points at. */
    static void follow(Page page, Locator link) {
        String href = link.getAttribute("href");
        assertThat(href).as("link href").isNotBlank();
        link.click();
        page.waitForURL(u -> u.endsWith(href));
        page.waitForLoadState();
    }

    long unitOf(String username) {
        return jdbc.queryForObject("select unit_id from app.user_account where username = ?", Long.class, username);
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    static String msg(String key) {
        String value = zhMessages.getProperty(key);
        assertThat(value).as("message " + key).isNotNull();
        return value;
    }
}
