package org.gridgov.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

/**
 * Each role's day at the size of the device it works on: it signs in, lands on 今日工作 (its own work), and walks
 * from there through the pages of its day by links and buttons, none of which scrolls sideways. The landing pages
 * are saved to {@code target/screenshots/today-*.png} (the user guide shows them).
 */
class DailyJourneyBrowserIT extends BrowserJourneys {

    private static final Pattern CASE_URL = Pattern.compile(".*/cases/(\\d+)(?:\\?.*)?$");

    /** Opens the folded menu on a phone (the header is one row there) and follows one of its links. */
    private static void menu(Page page, String key) {
        Locator button = page.getByTestId("menu-button");
        if (button.isVisible()) {
            button.click();
        }
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(msg(key)).setExact(true)).click();
        page.waitForLoadState();
    }

    /** The page fits the viewport's width: nothing to scroll sideways, the header within the first screen. */
    private static void fits(Page page, String where) {
        int width = page.viewportSize().width;
        int scrollWidth = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
        String wide = scrollWidth <= width ? "" : " (wider: " + page.evaluate("w => Array.from("
                + "document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > w)"
                + ".slice(0, 6).map(e => e.tagName + '.' + e.className).join(' | ')", width) + ")";
        assertThat(scrollWidth).as(where + " at " + width + " px" + wide).isLessThanOrEqualTo(width);
    }

    private static void landing(Page page, String username) throws IOException {
        assertThat(page.locator("h1").first().textContent()).contains(msg("today.title"));
        fits(page, username + " /today");
        Path dir = Files.createDirectories(Paths.get("target", "screenshots"));
        page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve("today-" + username + ".png")));
    }

    private static String text(Page page, String testId) {
        return page.getByTestId(testId).textContent().replaceAll("\\s+", " ").trim();
    }

    @Test
    void aGridWorkerOnAPhoneReportsAProblemAndFindsItAmongTheirReports() throws IOException {
        Page page = context.newPage();
        page.setViewportSize(PageWidthBrowserIT.PHONE_WIDTH, PageWidthBrowserIT.PHONE_HEIGHT);
        logIn(page, "grid1");
        landing(page, "grid1");
        assertThat(page.getByTestId("today-visits").isVisible()).isTrue();
        assertThat(page.getByTestId("today-knocks").isVisible()).isTrue();
        String reportedBefore = text(page, "today-reported");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(msg("case.page.new")).setExact(true))
                .click();
        page.waitForURL(u -> u.endsWith("/cases/new"));
        fits(page, "grid1 /cases/new");
        String category = (String) page.locator("select[name=categoryCode] optgroup option").first()
                .getAttribute("value");
        page.locator("#category-filter").fill(category);
        page.locator("input[name=address]").fill("幸福路 12 号楼下");
        page.locator("textarea[name=description]").fill("路灯不亮,夜间行人看不清台阶");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(msg("case.page.submit")).setExact(true))
                .click();
        page.waitForURL(CASE_URL);
        fits(page, "grid1 case page");
        long caseId = Long.parseLong(CASE_URL.matcher(page.url()).replaceAll("$1"));
        String code = jdbc.queryForObject("select code from desk.case_file where id = ?", String.class, caseId);
        assertThat(page.locator("h1").first().textContent()).contains(code);

        page.locator("a.brand").click();
        page.waitForURL(TODAY_URL);
        assertThat(text(page, "today-reported")).as("one more of my reports").isNotEqualTo(reportedBefore);
        page.getByTestId("today-reported").click();
        page.waitForLoadState();
        fits(page, "grid1 我上报的");
        assertThat(page.locator("ul.case-list").textContent()).as("among my reports").contains(code);

        page.navigate(url("/today"));
        Locator household = page.locator("[data-testid=today-visits] li a").first();
        if (household.count() > 0) {
            household.click();
            page.waitForLoadState();
            assertThat(page.url()).contains("/visits/new?householdId=");
            fits(page, "grid1 visit form");
        }
        page.navigate(url("/today"));
        page.locator("[data-testid=today-knocks] h2 a").click();
        page.waitForURL(u -> u.endsWith("/warnings/tasks"));
        fits(page, "grid1 door-knocks");
        menu(page, "nav.points");
        fits(page, "grid1 points");
    }

    @Test
    void aCommunityWorkerOnATabletRegistersTheNewReportFromTheirDay() throws IOException {
        // a fresh report by the grid worker is the community's newest work
        Page grid = context.newPage();
        logIn(grid, "grid1");
        grid.navigate(url("/cases/new"));
        grid.locator("#category-filter").fill((String) grid.locator("select[name=categoryCode] optgroup option")
                .first().getAttribute("value"));
        grid.locator("input[name=address]").fill("和平路 3 号院门口");
        grid.locator("textarea[name=description]").fill("垃圾桶满溢,需要清运");
        grid.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(msg("case.page.submit")).setExact(true))
                .click();
        grid.waitForURL(CASE_URL);
        long caseId = Long.parseLong(CASE_URL.matcher(grid.url()).replaceAll("$1"));
        String code = jdbc.queryForObject("select code from desk.case_file where id = ?", String.class, caseId);
        context.clearCookies();

        Page page = context.newPage();
        logIn(page, "community1");
        landing(page, "community1");
        assertThat(page.locator("[data-testid=today-next] li strong").first().textContent())
                .as("the new report first").isEqualTo(code);
        page.locator("[data-testid=today-cases] a[data-kind=REGISTER]").click();
        page.waitForLoadState();
        assertThat(page.url()).contains("kind=REGISTER");
        fits(page, "community1 待立案");
        assertThat(page.locator("[data-testid=work-kinds] a.active").getAttribute("data-kind")).isEqualTo("REGISTER");
        page.locator("ul.case-list a", new Page.LocatorOptions().setHasText(code)).click();
        page.waitForURL(CASE_URL);
        fits(page, "community1 case page");
        Locator register = page.locator("form[data-action=REGISTER]");
        page.waitForNavigation(() -> register.locator("button[type=submit]").click());
        assertThat(jdbc.queryForObject("select status from desk.case_file where id = ?", String.class, caseId))
                .isEqualTo("REGISTERED");
        page.locator("a.brand").click();
        page.waitForURL(TODAY_URL);
        page.locator("[data-testid=today-cases] a[data-kind=DISPATCH]").click();
        page.waitForLoadState();
        assertThat(page.locator("ul.case-list").textContent()).as("now waiting to be dispatched").contains(code);
        fits(page, "community1 待派遣");
    }

    @Test
    void aPartySecretaryOnAPhoneGoesFromTheirDayToTheRegistrationsToReview() throws IOException {
        Page page = context.newPage();
        page.setViewportSize(PageWidthBrowserIT.PHONE_WIDTH, PageWidthBrowserIT.PHONE_HEIGHT);
        logIn(page, "party1");
        landing(page, "party1");
        assertThat(page.getByTestId("today-cases").count()).as("a party secretary takes no case").isZero();
        page.getByTestId("today-registrations").click();
        page.waitForLoadState();
        assertThat(page.url()).contains("/party/registrations?status=PENDING");
        fits(page, "party1 registrations");
        menu(page, "nav.party");
        fits(page, "party1 party");
    }

    @Test
    void aDepartmentHandlerOnATabletGoesFromTheirDayToTheirTasks() throws IOException {
        Page page = context.newPage();
        page.setViewportSize(768, 1024);
        logIn(page, "dept1");
        landing(page, "dept1");
        assertThat(page.getByTestId("today-visits").count()).isZero();
        page.locator("[data-testid=today-cases] h2 a").click();
        page.waitForLoadState();
        assertThat(page.url()).contains("/cases?tab=mine");
        fits(page, "dept1 inbox");
    }

    @Test
    void officialsAtTheirDesksGoFromTheirDayToTheDashboard() throws IOException {
        for (String username : new String[] {"street1", "admin"}) {
            context.clearCookies();
            Page page = context.newPage();
            page.setViewportSize(username.equals("admin") ? 1440 : 1366, 900);
            logIn(page, username);
            landing(page, username);
            page.locator("section.card a[href='/dashboard']").click();
            page.waitForURL(u -> u.contains("/dashboard"));
            fits(page, username + " dashboard");
            page.close();
        }
    }
}
