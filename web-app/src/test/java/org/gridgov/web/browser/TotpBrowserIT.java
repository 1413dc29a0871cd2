package org.gridgov.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Paths;
import java.time.Clock;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.apache.commons.codec.binary.Base32;
import org.gridgov.accounts.internal.Totp;
import org.gridgov.audit.AuditChain;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * In Chromium over real HTTP: a user switches on two-step verification from the header link (the QR code is drawn,
 * the key shown, a code computed here from that key confirms it), signs out, and signs in again through the code
 * page, where a wrong code is refused and the right one lets them in.
 */
class TotpBrowserIT extends BrowserJourneys {

    static final String OWN_PASSWORD = "Quiet-lake-42";

    @Autowired
    PasswordEncoder encoder;
    @Autowired
    Clock clock;
    @Autowired
    AuditChain auditChain;

    void submitLogin(Page page, String username) {
        page.locator("input[name=username]").fill(username);
        page.locator("input[name=password]").fill(OWN_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(msg("login.submit")).setExact(true))
                .click();
        page.waitForLoadState();
    }

    Page.GetByRoleOptions named(String key) {
        return new Page.GetByRoleOptions().setName(msg(key)).setExact(true);
    }

    @Test
    void aUserSwitchesOnTwoStepVerificationAndSignsInWithACode() {
        String user = "browser-totp-" + ProcessHandle.current().pid();
        jdbc.update("insert into app.user_account (username, password_hash, display_name, role, unit_id)"
                + " select ?, ?, '浏览器测试', 'GRID_WORKER', unit_id from app.user_account where username = 'grid1'",
                user, encoder.encode(OWN_PASSWORD));
        Page page = context.newPage();
        // the first page of a fresh server may be slow on a shared machine (templates compiled on first use)
        page.navigate(url("/login"), new Page.NavigateOptions().setTimeout(60_000));
        submitLogin(page, user);
        page.waitForURL(TODAY_URL);

        follow(page, page.getByRole(AriaRole.LINK, named("nav.totp")));
        assertThat(page.locator(".totp-status").textContent().trim()).isEqualTo(msg("totp.status.off"));
        page.getByRole(AriaRole.BUTTON, named("totp.enrol.start")).click();
        page.waitForLoadState();
        // the QR code is an image the browser decoded (an SVG data URI), next to the key to type in by hand
        assertThat((Number) page.locator("img.totp-qr").evaluate("img => img.naturalWidth")).isNotEqualTo(0);
        String key = page.locator("code.totp-secret").textContent().trim();
        assertThat(page.locator("code.totp-uri").textContent()).contains("secret=" + key, "issuer=GridGov");
        assertThat(page.locator("button.primary").boundingBox().height).isGreaterThanOrEqualTo(44);
        byte[] secret = new Base32().decode(key);
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/totp-enrolment.png")));

        long step = Totp.step(clock.instant());
        page.locator("input[name=code]").fill(Totp.code(secret, step));
        page.getByRole(AriaRole.BUTTON, named("totp.enrol.confirm")).click();
        page.waitForLoadState();
        assertThat(page.locator("p.notice").first().textContent().trim()).isEqualTo(msg("totp.enabled"));

        page.getByRole(AriaRole.BUTTON, named("nav.logout")).click();
        page.waitForURL(u -> u.endsWith("/login?logout"));
        submitLogin(page, user);
        page.waitForURL(u -> u.endsWith("/login/totp"));
        // the confirming code is used up: typing it again is refused
        page.locator("input[name=code]").fill(Totp.code(secret, step));
        page.getByRole(AriaRole.BUTTON, named("totp.login.submit")).click();
        page.waitForLoadState();
        assertThat(page.locator("p.field-error").textContent().trim()).isEqualTo(msg("totp.codeWrong"));
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/totp-login.png")));
        // the next step's code (within the ±1 window) lets the user in
        page.locator("input[name=code]").fill(Totp.code(secret, Math.max(step, Totp.step(clock.instant())) + 1));
        page.getByRole(AriaRole.BUTTON, named("totp.login.submit")).click();
        page.waitForURL(TODAY_URL);
        auditChain.seal();
        assertThat(jdbc.queryForList("select result from app.audit_event where username = ? and action ="
                + " 'LOGIN_SECOND_FACTOR' order by seq", String.class, user)).containsExactly("FAILURE", "SUCCESS");
    }
}
