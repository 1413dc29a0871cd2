package org.gridgov.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Paths;
import java.sql.Timestamp;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Geolocation;
import org.gridgov.testsupport.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 预警 → 敲门 and 巡查 on a tablet in portrait: a street official issues a warning, grid1 knocks on a door (and on a
 * second one while the network drops), the official's progress page counts both by itself; grid1 walks a patrol with
 * a mocked position, raises a case on the way and ends it.
 */
class PatrolWarningBrowserIT extends BrowserJourneys {

    @Autowired
    TestClock clock;

    private static final Pattern WARNING_URL = Pattern.compile(".*/warnings/(\\d+)\\?issued=true$");

    /** The first page of a freshly started server on a shared, loaded machine may take longer than 15 s. */
    static void patient(BrowserContext context) {
        context.setDefaultTimeout(30_000);
        context.setDefaultNavigationTimeout(60_000);
    }

    @Test
    void aWarningIssuedByTheStreetBecomesDoorKnocksThatGrid1CompletesAndTheProgressPageShows() throws Exception {
        patient(context);
        String title = "防范养老诈骗 " + System.nanoTime();
        long community = unitOf("community1");
        String communityPath = jdbc.queryForObject("select path from grid.unit where id = ?", String.class, community);
        long households = jdbc.queryForObject("select count(*) from grid.household where unit_path like ?",
                Long.class, communityPath + "%");

        Page official = context.newPage();
        logIn(official, "street1");
        follow(official, official.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(msg("nav.warnings"))
                .setExact(true)));
        follow(official, official.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName(msg("warning.new.title")).setExact(true)));
        official.locator("input[name=title]").fill(title);
        official.locator("textarea[name=content]").fill("您好,近期有人冒充社保局工作人员,请勿透露验证码、勿向陌生账户转账。");
        official.locator("input[name=unitIds][value='" + community + "']").check();
        official.getByTestId("warning-preview-button").click();
        official.getByTestId("warning-preview").waitFor();
        assertThat(official.getByTestId("warning-preview").textContent().trim())
                .isEqualTo(MessageFormat.format(msg("warning.preview.count"), households));
        assertThat(official.locator("input[name=title]").inputValue()).isEqualTo(title);
        Locator issue = official.getByTestId("warning-issue");
        assertThat(issue.boundingBox().height).as("issue button height").isGreaterThanOrEqualTo(48);
        issue.click();
        official.waitForURL(WARNING_URL);
        long warningId = Long.parseLong(official.url().replaceAll(".*/warnings/(\\d+).*", "$1"));
        assertThat(jdbc.queryForObject("select count(*) from work.door_knock_task where warning_id = ?", Long.class,
                warningId)).isEqualTo(households);
        // the official keeps the progress page open at the community while grid1 walks
        official.navigate(url("/warnings/" + warningId + "?unitId=" + community));
        Locator reachedTotal = official.locator("tr[data-row=total] [data-field=reached]");
        assertThat(reachedTotal.textContent().trim()).isEqualTo("0");

        BrowserContext tablet = context.browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(TABLET_WIDTH, TABLET_HEIGHT).setDeviceScaleFactor(1).setHasTouch(true)
                .setLocale("zh-CN"));
        patient(tablet);
        try {
            Page grid = tablet.newPage();
            logIn(grid, "grid1");
            follow(grid, grid.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(msg("nav.doorKnocks"))
                    .setExact(true)));
            Locator card = grid.locator("article.door-knock", new Page.LocatorOptions().setHasText(title)).first();
            long taskId = Long.parseLong(card.getAttribute("data-task"));
            Locator reached = card.locator("label.outcome", new Locator.LocatorOptions()
                    .setHasText(msg("doorKnock.status.REACHED")));
            assertThat(reached.boundingBox().height).as("outcome target height").isGreaterThanOrEqualTo(44);
            reached.click();
            card.locator("textarea[name=note]").fill("已入户宣传,老人表示知晓");
            Locator save = card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(msg("doorKnock.save")));
            assertThat(save.boundingBox().height).isGreaterThanOrEqualTo(48);
            save.click();
            grid.waitForURL(u -> u.contains("/warnings/tasks?done=" + taskId));
            assertThat(grid.getByTestId("door-knock-saved").isVisible()).isTrue();
            assertThat(jdbc.queryForMap("select status, note, done_by from work.door_knock_task where id = ?", taskId))
                    .containsEntry("status", "REACHED").containsEntry("note", "已入户宣传,老人表示知晓")
                    .containsEntry("done_by", "grid1");
            Files.createDirectories(Paths.get("target", "screenshots"));
            grid.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots",
                    "door-knocks.png")).setFullPage(false));

            // the next door while the network drops: the mark waits on the tablet and goes once it returns
            Locator next = grid.locator("article.door-knock", new Page.LocatorOptions().setHasText(title)).first();
            long nextId = Long.parseLong(next.getAttribute("data-task"));
            assertThat(nextId).isNotEqualTo(taskId);
            next.locator("label.outcome", new Locator.LocatorOptions().setHasText(msg("doorKnock.status.REACHED")))
                    .click();
            next.locator("textarea[name=note]").fill("第二户已宣传");
            tablet.setOffline(true);
            next.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(msg("doorKnock.save"))).click();
            next.locator("[data-offline-status]").waitFor();
            grid.waitForFunction("([el, text]) => el.textContent === text",
                    List.of(next.locator("[data-offline-status]").elementHandle(), msg("offline.offline")));
            assertThat(jdbc.queryForObject("select status from work.door_knock_task where id = ?", String.class,
                    nextId)).isEqualTo("OPEN");
            tablet.setOffline(false);
            grid.waitForURL(u -> u.contains("/warnings/tasks?done=" + nextId),
                    new Page.WaitForURLOptions().setTimeout(30_000));
            assertThat(jdbc.queryForMap("select status, note, version from work.door_knock_task where id = ?", nextId))
                    .containsEntry("status", "REACHED").containsEntry("note", "第二户已宣传").containsEntry("version", 1L);
        }
        finally {
            tablet.close();
        }

        // the progress page refreshes itself (every 10 s) and counts both doors
        official.waitForFunction("el => el.textContent.trim() === '2'", reachedTotal.elementHandle(),
                new Page.WaitForFunctionOptions().setTimeout(30_000));
        long open = households - 2;
        assertThat(official.locator("tr[data-row=total] [data-field=open]").textContent().trim())
                .isEqualTo(String.valueOf(open));
        official.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots",
                "warning-progress.png")).setFullPage(true));
    }

    @Test
    void grid1WalksAPatrolWithItsPositionRaisesACaseAndEndsIt() throws Exception {
        patient(context);
        // Chromium stamps each position with its own, real clock, and the server keeps only points within two
        // minutes of its clock: as in the field, the two clocks must agree, so this test runs on real time
        clock.set(Instant.now());
        jdbc.update("update work.patrol set ended_at = ? where username = 'grid1' and ended_at is null",
                Timestamp.from(clock.instant()));
        Page page = context.newPage();
        logIn(page, "grid1");
        context.grantPermissions(List.of("geolocation"), new BrowserContext.GrantPermissionsOptions()
                .setOrigin(url("")));
        context.setGeolocation(new Geolocation(32.99000, 112.52800).setAccuracy(10));
        follow(page, page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(msg("nav.patrols"))
                .setExact(true)));
        follow(page, page.getByTestId("patrol-current-link"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(msg("patrol.start")).setExact(true))
                .click();
        page.getByTestId("point-count").waitFor();
        long patrolId = jdbc.queryForObject("select id from work.patrol where username = 'grid1' and ended_at is null",
                Long.class);
        page.waitForFunction("() => Number(document.getElementById('patrol-point-count').textContent) >= 1");
        // walk about 100 m north in 6 s (a brisk cyclist, well under the 30 m/s filter)
        page.waitForTimeout(6000);
        context.setGeolocation(new Geolocation(32.99090, 112.52800).setAccuracy(10));
        page.waitForFunction("() => Number(document.getElementById('patrol-point-count').textContent) >= 2",
                null, new Page.WaitForFunctionOptions().setTimeout(30_000));
        assertThat(page.locator("#patrol-case-lat").inputValue()).startsWith("32.9909");

        String category = (String) page.locator("select[name=categoryCode] optgroup option").first()
                .getAttribute("value");
        page.locator("select[name=categoryCode]").selectOption(category);
        page.locator("textarea[name=description]").fill("巡查发现路灯不亮");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(msg("patrol.case.submit")).setExact(true))
                .click();
        page.waitForURL(u -> u.contains("/patrols/current?raised="));
        String code = jdbc.queryForObject("select f.code from desk.case_file f join work.patrol_case c"
                + " on c.case_id = f.id where c.patrol_id = ?", String.class, patrolId);
        assertThat(page.getByTestId("raised").textContent()).contains(code);

        Locator end = page.getByTestId("patrol-end");
        assertThat(end.boundingBox().height).isGreaterThanOrEqualTo(48);
        end.click();
        page.waitForURL(u -> u.endsWith("/patrols/" + patrolId));
        double metres = jdbc.queryForObject("select distance_m from work.patrol where id = ?", Double.class, patrolId);
        assertThat(metres).isBetween(90.0, 110.0);
        assertThat(page.getByTestId("patrol-distance").textContent().trim())
                .isEqualTo(String.format(Locale.ROOT, "%d", Math.round(metres)));
        assertThat(page.locator("[data-testid=patrol-route] polyline").getAttribute("points").split(" ")).hasSize(2);
        assertThat(page.getByTestId("patrol-cases").textContent()).contains(code);
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", "patrol-log.png"))
                .setFullPage(true));
    }
}
