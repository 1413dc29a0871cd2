package org.gridgov.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * In Chromium over real HTTP: the login page tells a user locked out on this address until when (the failure
 * handler's forward, which MockMvc does not follow), and a user changes their password from the header link, then
 * signs out by the button.
 */
class SecurityBrowserIT extends BrowserJourneys {

    static final String OWN_PASSWORD = "Quiet-lake-42";

    @Autowired
    PasswordEncoder encoder;

    String aGridWorker(String username) {
        jdbc.update("insert into app.user_account (username, password_hash, display_name, role, unit_id)"
                + " select ?, ?, '浏览器测试', 'GRID_WORKER', unit_id from app.user_account where username = 'grid1'",
                username, encoder.encode(OWN_PASSWORD));
        return username;
    }

    void submitLogin(Page page, String username, String password) {
        page.locator("input[name=username]").fill(username);
        page.locator("input[name=password]").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(msg("login.submit")).setExact(true))
                .click();
        page.waitForLoadState();
    }

    @Test
    void theLoginPageSaysUntilWhenTheAddressIsLockedOutEvenForTheRightPassword() {
        String user = aGridWorker("browser-lock-" + ProcessHandle.current().pid());
        Page page = context.newPage();
        page.navigate(url("/login"));
        for (int i = 0; i < 5; i++) {
            submitLogin(page, user, "wrong-password-" + i);
        }
        String lockedPrefix = msg("login.locked").substring(0, msg("login.locked").indexOf("{0}"));
        assertThat(page.locator("p.errors").textContent()).startsWith(lockedPrefix)
                .containsPattern("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        submitLogin(page, user, OWN_PASSWORD);
        assertThat(page.locator("p.errors").textContent()).startsWith(lockedPrefix);
        assertThat(page.url()).endsWith("/login");
    }

    @Test
    void aUserChangesTheirPasswordAndSignsOutByTheButton() {
        String user = aGridWorker("browser-pw-" + ProcessHandle.current().pid());
        Page page = context.newPage();
        page.navigate(url("/login"));
        submitLogin(page, user, OWN_PASSWORD);
        page.waitForURL(TODAY_URL);
        follow(page, page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(msg("nav.password"))
                .setExact(true)));
        page.locator("input[name=oldPassword]").fill(OWN_PASSWORD);
        page.locator("input[name=newPassword]").fill("Bright-field-77");
        page.locator("input[name=confirmPassword]").fill("Bright-field-77");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(msg("password.submit")).setExact(true))
                .click();
        page.waitForLoadState();
        assertThat(page.locator("p.notice").first().textContent().trim()).isEqualTo(msg("password.changed"));
        assertThat(encoder.matches("Bright-field-77", jdbc.queryForObject(
                "select password_hash from app.user_account where username = ?", String.class, user))).isTrue();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(msg("nav.logout")).setExact(true))
                .click();
        page.waitForURL(u -> u.endsWith("/login?logout"));
        submitLogin(page, user, "Bright-field-77");
        page.waitForURL(TODAY_URL);
    }
}
