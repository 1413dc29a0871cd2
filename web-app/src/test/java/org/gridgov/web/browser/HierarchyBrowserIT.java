package org.gridgov.web.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import org.assertj.core.api.SoftAssertions;
import org.gridgov.grid.FieldProtector;
import org.gridgov.grid.IdNumbers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Real-browser journeys through the hierarchy pages, in Chromium on a 10-inch tablet viewport, against the small
 * demo county: a street official drilling down to a household, a grid worker's scope, and a rejected ID number.
 * Chromium comes from {@code GRIDGOV_CHROMIUM} or {@code /usr/bin/chromium}; a missing browser fails the test.
 */
class HierarchyBrowserIT extends BrowserJourneys {

    private static final Pattern MASKED_ID = Pattern.compile("^\\d{2}\\*{14}[\\dX]{2}$");
    /** An 18-character token shaped like a resident ID number, not part of a longer run of digits. */
    private static final Pattern ID_SHAPED = Pattern.compile("(?<![0-9A-Za-z])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])");

    @Autowired
    FieldProtector protector;

    /** Journey 1: the street official lands on the street, drills down to a household and sees masked ID numbers. */
    @Test
    void streetOfficialDrillsDownToAHouseholdWithMaskedIdNumbers() throws IOException {
        long streetId = unitOf("street1");
        String streetName = jdbc.queryForObject("select name from grid.unit where id = ?", String.class, streetId);
        Page page = context.newPage();
        logIn(page, "street1");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(msg("nav.hierarchy")).setExact(true))
                .click();
        page.waitForURL(UNIT_URL);

        assertThat(currentUnitId(page)).as("the hierarchy starts at the street's unit page").isEqualTo(streetId);
        assertThat(page.getByTestId("unit-name").textContent().trim()).isEqualTo(streetName);
        assertThat(householdCount(page)).as("household count of the street").isPositive();

        // street → community → grid → … until a unit without children below it (a building or a village group)
        List<String> levels = new ArrayList<>();
        levels.add(levelOf(currentUnitId(page)));
        List<String> trail = new ArrayList<>();
        assertThat(page.locator("nav.crumbs a").allTextContents()).as("crumbs above the street").isEmpty();
        for (int depth = 0; depth < 8 && page.locator("[data-testid=children] a.drill-link").count() > 0; depth++) {
            Locator row = firstChildRowWithHouseholds(page);
            String childName = row.locator("a.drill-link").textContent().trim();
            trail.add(page.getByTestId("unit-name").textContent().trim());
            follow(page, row.locator("a.drill-link"));
            assertThat(page.getByTestId("unit-name").textContent().trim()).isEqualTo(childName);
            assertThat(page.locator("nav.crumbs a").allTextContents()).as("crumbs of " + childName)
                    .map(String::trim).isEqualTo(trail);
            assertThat(householdCount(page)).as("household count of " + childName).isPositive();
            levels.add(levelOf(currentUnitId(page)));
            if (depth == 1) {
                // the drill-down page of a grid: kept for humans to look at
                Path shots = Paths.get("target", "screenshots");
                Files.createDirectories(shots);
                page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("drill-down-grid.png"))
                        .setFullPage(true));
            }
        }
        assertThat(levels).as("levels visited").startsWith("STREET", "COMMUNITY", "GRID", "GRID");
        assertThat(levels.get(levels.size() - 1)).as("the last unit holds households").isIn("BUILDING", "GRID");
        Files.createDirectories(Paths.get("target", "screenshots"));
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Paths.get("target", "screenshots", "drill-down-bottom.png")).setFullPage(true));

        follow(page, page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(msg("unit.showHouseholds"))
                .setExact(true)));
        Locator households = page.locator("[data-testid=households] tbody tr");
        assertThat(households.count()).as("households listed").isPositive();
        follow(page, households.first().locator("td").first().locator("a"));
        assertThat(page.url()).matches(".*/households/\\d+$");
        long householdId = Long.parseLong(page.url().replaceAll(".*/households/(\\d+)$", "$1"));
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Paths.get("target", "screenshots", "household.png")).setFullPage(true));

        Locator idCells = page.locator("[data-testid=members] tbody tr td:nth-child(5)");
        int members = jdbc.queryForObject("select count(*) from grid.resident where household_id = ?",
                Integer.class, householdId);
        assertThat(members).as("residents of household " + householdId).isPositive();
        assertThat(idCells.count()).as("member rows").isEqualTo(members);
        for (String shown : idCells.allTextContents()) {
            assertThat(shown.trim()).as("ID number shown in the members table").matches(MASKED_ID);
        }

        String html = page.content();
        List<String> idShaped = new ArrayList<>();
        Matcher m = ID_SHAPED.matcher(html);
        while (m.find()) {
            if (IdNumbers.isWellFormed(m.group())) {
                idShaped.add(m.group());
            }
        }
        assertThat(idShaped).as("valid 18-character ID numbers in the household page").isEmpty();
        List<byte[]> ciphers = jdbc.queryForList(
                "select id_number_cipher from grid.resident where household_id = ?", byte[].class, householdId);
        for (byte[] cipher : ciphers) {
            String full = protector.decrypt(cipher);
            assertThat(html).as("the household page holds no member's full ID number").doesNotContain(full);
        }
    }

    /** Journey 2: the grid worker lands on the grid, sees nothing above it and gets a 404 for the street. */
    @Test
    void gridWorkerStaysInsideTheGrid() throws IOException {
        long gridId = unitOf("grid1");
        long streetId = unitOf("street1");
        String gridPath = pathOf(gridId);
        Page page = context.newPage();
        logIn(page, "grid1");
        page.navigate(url("/hierarchy"));

        assertThat(currentUnitId(page)).as("grid1's hierarchy is the grid's unit page").isEqualTo(gridId);
        assertThat(levelOf(gridId)).isEqualTo("GRID");
        assertThat(page.locator("nav.crumbs a").count()).as("crumbs above the grid worker's own grid").isZero();
        @SuppressWarnings("unchecked")
        List<String> hrefs = (List<String>) page.locator("a[href*='/units/']")
                .evaluateAll("links => links.map(a => a.getAttribute('href'))");
        for (String href : hrefs) {
            Matcher m = Pattern.compile("/units/(\\d+)").matcher(href);
            if (m.find()) {
                long target = Long.parseLong(m.group(1));
                assertThat(pathOf(target)).as("link " + href + " stays inside grid1's grid").startsWith(gridPath);
            }
        }
        assertThat(page.locator("a.brand").getAttribute("href")).isEqualTo("/");
        page.navigate(url("/hierarchy"));
        assertThat(currentUnitId(page)).as("the hierarchy link leads to the grid, not above it").isEqualTo(gridId);

        Response response = page.navigate(url("/units/" + streetId));
        assertThat(response.status()).as("street page for the grid worker").isEqualTo(404);
        assertThat(page.locator("h1").textContent().trim()).isEqualTo(msg("error.page.404.title"));
        assertThat(page.content()).doesNotContain(
                jdbc.queryForObject("select name from grid.unit where id = ?", String.class, streetId));
        Files.createDirectories(Paths.get("target", "screenshots"));
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Paths.get("target", "screenshots", "grid-worker-404.png")).setFullPage(true));
    }

    /** Journey 3: a bad check digit is rejected next to the ID field, and no resident is written. */
    @Test
    void communityWorkerGetsTheIdNumberErrorAndNothingIsSaved() throws IOException {
        long communityId = unitOf("community1");
        Long householdId = jdbc.queryForObject("select min(h.id) from grid.household h "
                + "join grid.unit u on u.id = h.unit_id where u.path like ?", Long.class, pathOf(communityId) + "%");
        assertThat(householdId).as("a household in community1's community").isNotNull();
        int residentsBefore = residentRows();

        Page page = context.newPage();
        logIn(page, "community1");
        page.navigate(url("/households/" + householdId));
        assertThat(page.url()).endsWith("/households/" + householdId);
        // a broken link is reported, and the journey goes on at the address the link should have had
        SoftAssertions soft = new SoftAssertions();
        String formPath = "/households/" + householdId + "/residents/new";
        Locator register = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(msg("resident.new"))
                .setExact(true));
        String href = register.getAttribute("href");
        soft.assertThat(href)
                .as("href of the household page's " + msg("resident.new") + " link (grid/households/detail.html)")
                .isEqualTo(formPath);
        if (formPath.equals(href)) {
            follow(page, register);
        }
        else {
            Response form = page.navigate(url(formPath));
            assertThat(form.status()).as(formPath).isEqualTo(200);
        }
        assertThat(page.url()).endsWith(formPath);

        try {
            submitsABadIdNumber(page, residentsBefore, soft);
        }
        catch (AssertionError | RuntimeException ex) {
            soft.fail("on the resident form: " + ex.getMessage(), ex);
        }
        soft.assertAll();
    }

    private void submitsABadIdNumber(Page page, int residentsBefore, SoftAssertions soft) throws IOException {
        String first17 = "11010119800506123";
        char check = IdNumbers.checkCharacter(first17);
        char wrong = check == '0' ? '1' : '0';
        String badIdNumber = first17 + wrong;
        assertThat(IdNumbers.isWellFormed(badIdNumber)).isFalse();

        page.locator("input[name=name]").fill("测试居民");
        page.locator("input[name=idNumber]").fill(badIdNumber);
        page.locator("select[name=gender]").selectOption("MALE");
        page.locator("input[name=birthDate]").fill("1980-05-06");
        page.locator("input[name=phone]").fill("13800138000");
        page.locator("select[name=relation]").selectOption("OTHER");
        Response response = page.waitForResponse(r -> "POST".equals(r.request().method())
                && r.url().endsWith("/residents/new"), () -> page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName(msg("action.save")).setExact(true)).click());
        page.waitForLoadState();
        assertThat(response.status()).as("form shown again").isEqualTo(200);
        Files.createDirectories(Paths.get("target", "screenshots"));
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Paths.get("target", "screenshots", "resident-invalid-id.png")).setFullPage(true));

        Locator error = page.getByTestId("error-idNumber");
        assertThat(error.count()).as("error next to the ID number field").isEqualTo(1);
        assertThat(error.textContent().trim()).isEqualTo(msg("resident.idNumber.invalid"));
        Object besideField = error.evaluate("e => { const prev = e.previousElementSibling;"
                + " return prev != null && prev.querySelector('input[name=idNumber]') != null; }");
        assertThat(besideField).as("the error directly follows the ID number field").isEqualTo(true);
        assertThat(page.locator("input[name=idNumber]").getAttribute("class")).contains("invalid");
        assertThat(page.locator(".field-error").count()).as("field errors on the page").isEqualTo(1);
        assertThat(residentRows()).as("rows in grid.resident").isEqualTo(residentsBefore);
        // the other answers stay as entered, so only the ID number has to be corrected
        soft.assertThat(page.locator("input[name=name]").inputValue()).as("name after the error").isEqualTo("测试居民");
        soft.assertThat(page.locator("input[name=birthDate]").inputValue()).as("birth date after the error "
                + "(value attribute rendered: " + page.locator("input[name=birthDate]").getAttribute("value") + ")")
                .isEqualTo("1980-05-06");
        soft.assertThat(page.locator("input[name=phone]").inputValue()).as("phone after the error")
                .isEqualTo("13800138000");
        soft.assertThat(page.locator("select[name=relation]").inputValue()).as("relation after the error")
                .isEqualTo("OTHER");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static Locator firstChildRowWithHouseholds(Page page) {
        Locator rows = page.locator("[data-testid=children] tbody tr");
        for (int i = 0; i < rows.count(); i++) {
            Locator row = rows.nth(i);
            // columns: name, code, level, sub-units, households, residents
            if (Long.parseLong(row.locator("td").nth(4).textContent().trim()) > 0) {
                return row;
            }
        }
        throw new AssertionError("no child unit with households on " + page.url());
    }

    private static long householdCount(Page page) {
        return Long.parseLong(page.getByTestId("household-count").textContent().trim());
    }

    private static long currentUnitId(Page page) {
        Matcher m = UNIT_URL.matcher(page.url());
        assertThat(m.matches()).as("a unit page: " + page.url()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private String pathOf(long unitId) {
        return jdbc.queryForObject("select path from grid.unit where id = ?", String.class, unitId);
    }

    private String levelOf(long unitId) {
        return jdbc.queryForObject("select level from grid.unit where id = ?", String.class, unitId);
    }

    private int residentRows() {
        return jdbc.queryForObject("select count(*) from grid.resident", Integer.class);
    }
}
