package org.gridgov.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Map;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;

/**
 * A grid worker's visit on a 10-inch tablet in portrait: grid1 opens the visit list, picks the first household,
 * ticks the police officer and two volunteers, writes the findings, takes a 3000-pixel photo (the browser shrinks
 * it), raises a case, taps save as the network drops, and lands on the visit once it returns — one visit, one case,
 * the photo at most 1600 pixels.
 */
class VisitBrowserIT extends BrowserJourneys {

    private static final Pattern VISIT_URL = Pattern.compile(".*/visits/(\\d+)(\\?recorded=true)?$");

    @Test
    void grid1RecordsATeamVisitWithAPhotoThatRaisesACaseThroughANetworkDrop() throws IOException {
        // the shared build machine can be slow to serve the first pages; the journey itself is what is checked
        context.setDefaultTimeout(45_000);
        context.setDefaultNavigationTimeout(60_000);
        Page page = context.newPage();
        logIn(page, "grid1");
        follow(page, page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(msg("nav.visits"))
                .setExact(true)));
        Locator rows = page.locator("ul[data-testid=due-list] li");
        assertThat(rows.count()).as("grid1's households are listed").isGreaterThan(5);
        assertThat(rows.first().locator("a").boundingBox().height).as("row height on a tablet")
                .isGreaterThanOrEqualTo(44);
        long household = Long.parseLong(rows.first().getAttribute("data-household"));
        long visitsBefore = visits(household);
        long casesBefore = jdbc.queryForObject("select count(*) from desk.case_file", Long.class);
        follow(page, rows.first().locator("a"));
        assertThat(page.url()).endsWith("/visits/new?householdId=" + household);

        Locator police = page.locator("input[name=team][value^='POLICE|']");
        Locator volunteers = page.locator("input[name=team][value^='VOLUNTEER|']");
        assertThat(police.count()).as("the community police officer is offered").isGreaterThanOrEqualTo(1);
        assertThat(volunteers.count()).as("the grid's volunteers are offered").isGreaterThanOrEqualTo(2);
        police.first().check();
        volunteers.nth(0).check();
        volunteers.nth(1).check();
        page.locator("textarea[name=findings]").fill("1+1+2 联合走访:楼道堆放纸箱,存在消防隐患");
        page.locator("input[name=photo]").setInputFiles(new FilePayload("big.png", "image/png", photo(3000, 2000)));
        page.locator("input[name=raiseCase]").check();
        String category = (String) page.locator("select[name=caseCategory] optgroup option").first()
                .getAttribute("value");
        page.locator("select[name=caseCategory]").selectOption(category);
        Locator save = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(msg("visit.page.submit"))
                .setExact(true));
        assertThat(save.boundingBox().height).as("save button height").isGreaterThanOrEqualTo(48);
        assertThat(save.boundingBox().x + save.boundingBox().width).as("fits the portrait width")
                .isLessThanOrEqualTo(TABLET_WIDTH);

        context.setOffline(true);
        save.click();
        page.waitForFunction("text => document.querySelector('[data-offline-status]').textContent === text",
                msg("offline.offline"));
        assertThat(visits(household)).isEqualTo(visitsBefore);
        context.setOffline(false);
        page.waitForURL(VISIT_URL, new Page.WaitForURLOptions().setTimeout(30_000));
        page.waitForLoadState();

        assertThat(page.locator("p.notice").first().textContent().trim()).isEqualTo(msg("visit.page.recorded"));
        assertThat(page.locator("[data-testid=visit-team] .chip").count()).as("grid1, police, two volunteers")
                .isEqualTo(4);
        assertThat(visits(household)).as("one visit for the whole team, sent once").isEqualTo(visitsBefore + 1);
        assertThat(jdbc.queryForObject("select count(*) from desk.case_file", Long.class)).isEqualTo(casesBefore + 1);
        Map<String, Object> visit = jdbc.queryForMap("select id, case_id from work.visit where household_id = ?"
                + " order by id desc limit 1", household);
        assertThat(visit.get("case_id")).as("the visit names its case").isNotNull();
        Map<String, Object> stored = jdbc.queryForMap("select p.width, p.height from work.visit_photo vp"
                + " join desk.photo p on p.id = vp.photo_id where vp.visit_id = ?", visit.get("id"));
        assertThat(Math.max((Integer) stored.get("width"), (Integer) stored.get("height")))
                .as("resized in the browser (the server alone would keep 2560)").isLessThanOrEqualTo(1600)
                .isGreaterThan(1000);
        Files.createDirectories(Paths.get("target", "screenshots"));
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", "visit-recorded.png"))
                .setFullPage(true));

        // the case it raised, and the way back from the case to the visit
        follow(page, page.locator("[data-testid=visit-case]"));
        assertThat(page.content()).contains("1+1+2 联合走访:楼道堆放纸箱,存在消防隐患", msg("caseStatus.REPORTED"));
        assertThat(page.locator("[data-testid=case-from-visit]").textContent()).isEqualTo(msg("visit.case.fromVisit"));
        follow(page, page.locator("[data-testid=case-from-visit]"));
        assertThat(page.url()).endsWith("/visits/" + visit.get("id"));

        // back on the list the household is no longer first: it was just visited
        page.navigate(url("/visits"));
        assertThat(Long.parseLong(page.locator("ul[data-testid=due-list] li").first().getAttribute("data-household")))
                .isNotEqualTo(household);
    }

    private long visits(long household) {
        return jdbc.queryForObject("select count(*) from work.visit where household_id = ?", Long.class, household);
    }

    private static byte[] photo(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(70, 130, 180));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
