package org.gridgov.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import org.junit.jupiter.api.Test;

/**
 * The closed loop in the browser, each step by the user whose job it is: grid1 files a case on the tablet, the
 * community registers and dispatches it to grid1's grid, grid1 signs and reports back, the community verifies,
 * closes and records the resident's callback. And the intake form on a tablet that loses its network.
 */
class CaseBrowserIT extends BrowserJourneys {

    private static final Pattern CASE_URL = Pattern.compile(".*/cases/(\\d+)(\\?reported=true)?$");

    /** A small JPEG of a street scene's size, as a tablet's camera would send it. */
    static java.nio.file.Path photoFile() throws IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(640, 480,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(java.awt.Color.ORANGE);
        g.fillRect(0, 0, 640, 480);
        g.setColor(java.awt.Color.DARK_GRAY);
        g.fillOval(200, 150, 240, 180);
        g.dispose();
        java.nio.file.Path file = Files.createTempFile("case-photo", ".jpg");
        javax.imageio.ImageIO.write(image, "jpg", file.toFile());
        file.toFile().deleteOnExit();
        return file;
    }

    @Test
    void aCaseFiledByGrid1IsCarriedToClosureAndCallbackByTheRightUsers() throws IOException {
        long casesBefore = caseCount();
        Page page = context.newPage();
        logIn(page, "grid1");
        follow(page, page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(msg("nav.cases"))
                .setExact(true)));
        follow(page, page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(msg("case.page.new"))
                .setExact(true)));
        String category = (String) page.locator("select[name=categoryCode] optgroup option").first()
                .getAttribute("value");
        // 26 minor categories under their majors: typing the code leaves one, and it is chosen
        int minors = page.locator("#categoryCode optgroup option").count();
        assertThat(minors).isGreaterThan(1);
        page.locator("#category-filter").fill(category);
        assertThat(page.locator("select[name=categoryCode]").inputValue()).isEqualTo(category);
        assertThat(page.evaluate("() => Array.from(document.querySelectorAll('#categoryCode optgroup option'))"
                + ".filter(o => !o.hidden).length")).isEqualTo(1);
        page.locator("#category-filter").fill("");
        assertThat(page.evaluate("() => Array.from(document.querySelectorAll('#categoryCode optgroup option'))"
                + ".filter(o => !o.hidden).length")).as("all again").isEqualTo(minors);
        page.locator("input[name=address]").fill("幸福路 8 号门前");
        page.locator("textarea[name=description]").fill("路面塌陷约一平方米,已设置临时警示");
        page.locator("input[name=photo]").setInputFiles(photoFile());
        Locator submit = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName(msg("case.page.submit")).setExact(true));
        assertThat(submit.boundingBox().height).as("submit button height on a tablet").isGreaterThanOrEqualTo(48);
        submit.click();
        page.waitForURL(CASE_URL);
        assertThat(page.locator("p.notice").first().textContent().trim()).isEqualTo(msg("case.page.reported"));
        assertThat(page.content()).contains("路面塌陷约一平方米", msg("caseStatus.REPORTED"));
        assertThat(caseCount()).isEqualTo(casesBefore + 1);
        // the photo as a thumbnail (loaded, labelled without a thousands separator), large in the viewer on a tap
        Locator thumb = page.locator(".photos a.thumb img").first();
        thumb.scrollIntoViewIfNeeded();
        page.waitForFunction("() => { const i = document.querySelector('.photos a.thumb img');"
                + " return i && i.complete && i.naturalWidth > 0; }");
        assertThat(page.locator(".photos a.thumb").first().getAttribute("title")).matches(".*\\d+$")
                .doesNotContain(",");
        thumb.click();
        Locator viewer = page.locator("dialog.photo-viewer");
        viewer.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
        assertThat(viewer.locator("img").getAttribute("src")).contains("/cases/photos/");
        assertThat(page.url()).as("the viewer opens on the page, not a new one").matches(CASE_URL.pattern());
        page.keyboard().press("Escape");
        viewer.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));
        String casePath = page.url().replace("?reported=true", "");
        casePath = casePath.substring(casePath.indexOf("/cases/"));
        String code = jdbc.queryForObject("select code from desk.case_file where id = ?", String.class,
                Long.parseLong(casePath.substring("/cases/".length())));
        Files.createDirectories(Paths.get("target", "screenshots"));
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Paths.get("target", "screenshots", "case-filed.png")).setFullPage(true));

        switchUser(page, "community1");
        page.navigate(url("/cases?q=" + code));
        assertThat(page.locator("ul.case-list").textContent()).as("in the community's tasks").contains(code);
        page.navigate(url(casePath));
        act(page, "REGISTER", form -> { });
        assertThat(page.content()).contains(msg("caseStatus.REGISTERED"));
        String grid = "GRID:" + unitOf("grid1");
        act(page, "DISPATCH", form -> {
            form.locator("select[name=target]").selectOption(grid);
            form.locator("textarea[name=comment]").fill("请网格员现场设置围挡并报修");
        });
        assertThat(page.content()).contains(msg("caseStatus.DISPATCHED"));

        switchUser(page, "grid1");
        follow(page, page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(msg("nav.cases"))
                .setExact(true)));
        assertThat(page.locator("ul.case-list").textContent()).as("grid1's tasks open first").contains(code);
        // the active tab's count is readable: its colour is not its background's
        Locator activeCount = page.locator("[data-testid=case-tabs] a.active .tab-count");
        assertThat(activeCount.textContent().trim()).matches("[1-9][0-9]*");
        assertThat(activeCount.evaluate("e => getComputedStyle(e).color"))
                .isNotEqualTo(activeCount.evaluate("e => getComputedStyle(e).backgroundColor"));
        page.navigate(url(casePath));
        act(page, "SIGN", form -> { });
        assertThat(page.content()).contains(msg("caseStatus.HANDLING"));
        act(page, "REPORT_BACK", form -> form.locator("textarea[name=comment]").fill("已设置围挡,市政已修复路面"));
        assertThat(page.content()).contains(msg("caseStatus.REPORTED_BACK"));
        assertThat(page.locator("form[data-action]").count()).as("nothing left for grid1 to do").isZero();

        switchUser(page, "community1");
        page.navigate(url(casePath));
        act(page, "VERIFY_PASS", form -> { });
        assertThat(page.content()).contains(msg("caseStatus.CLOSED"));
        act(page, "CALLBACK", form -> form.locator("input[name=satisfaction][value=SATISFIED]").check());
        assertThat(page.content()).contains(msg("caseStatus.EVALUATED"));
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Paths.get("target", "screenshots", "case-closed.png")).setFullPage(true));

        assertThat(jdbc.queryForList("select action || ':' || user_name from desk.case_event where case_id = ?"
                        + " order by seq", String.class, Long.parseLong(casePath.substring("/cases/".length()))))
                .containsExactly("REPORT:grid1", "REGISTER:community1", "DISPATCH:community1", "SIGN:grid1",
                        "REPORT_BACK:grid1", "VERIFY_PASS:community1", "CALLBACK:community1");
        assertThat(jdbc.queryForObject("select status || ':' || callback from desk.case_file where code = ?",
                String.class, code)).isEqualTo("EVALUATED:SATISFIED");
    }

    @Test
    void theIntakeFormKeepsItsInputWhenTheNetworkDropsAndFilesTheCaseOnceWhenItReturns() {
        long casesBefore = caseCount();
        Page page = context.newPage();
        logIn(page, "grid1");
        page.navigate(url("/cases/new"));
        String key = page.locator("input[name=idempotencyKey]").inputValue();
        String category = (String) page.locator("select[name=categoryCode] optgroup option").nth(1)
                .getAttribute("value");
        page.locator("select[name=categoryCode]").selectOption(category);
        page.locator("input[name=nature][value=COMPLAINT]").check();
        page.locator("input[name=address]").fill("东风路菜市场北门");
        page.locator("textarea[name=description]").fill("占道经营,早高峰堵塞人行道");

        // the tablet reloads the page (or the app was closed): the input and the key come back
        page.reload();
        assertThat(page.locator("textarea[name=description]").inputValue()).isEqualTo("占道经营,早高峰堵塞人行道");
        assertThat(page.locator("input[name=address]").inputValue()).isEqualTo("东风路菜市场北门");
        assertThat(page.locator("select[name=categoryCode]").inputValue()).isEqualTo(category);
        assertThat(page.locator("input[name=nature][value=COMPLAINT]").isChecked()).isTrue();
        assertThat(page.locator("input[name=idempotencyKey]").inputValue()).isEqualTo(key);
        assertThat(page.locator("#case-draft-status").textContent()).isEqualTo(msg("case.page.draft.restored"));

        // the network drops as the worker taps 上报
        context.setOffline(true);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(msg("case.page.submit")).setExact(true))
                .click();
        page.waitForFunction("text => document.getElementById('case-draft-status').textContent === text",
                msg("case.page.draft.offline"));
        assertThat(page.url()).endsWith("/cases/new");
        assertThat(page.locator("textarea[name=description]").inputValue()).isEqualTo("占道经营,早高峰堵塞人行道");
        assertThat(caseCount()).isEqualTo(casesBefore);

        // it comes back: the form sends itself again with the same key and lands on the case
        context.setOffline(false);
        page.waitForURL(CASE_URL, new Page.WaitForURLOptions().setTimeout(30_000));
        page.locator("p.notice").first().waitFor(new Locator.WaitForOptions()
                .setState(WaitForSelectorState.VISIBLE));
        assertThat(page.content()).contains("占道经营,早高峰堵塞人行道");
        assertThat(caseCount()).isEqualTo(casesBefore + 1);
        assertThat(jdbc.queryForObject("select count(*) from desk.case_file where description = ?", Long.class,
                "占道经营,早高峰堵塞人行道")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from app.idempotency_key where idem_key = ?", Long.class, key))
                .as("filed under the key of the first attempt").isEqualTo(1);

        // the draft is done with: a new report starts empty with a new key
        page.navigate(url("/cases/new"));
        assertThat(page.locator("textarea[name=description]").inputValue()).isEmpty();
        assertThat(page.locator("input[name=idempotencyKey]").inputValue()).isNotEqualTo(key);
        assertThat(page.locator("#case-draft-status").isHidden()).isTrue();
    }

    private void switchUser(Page page, String username) {
        context.clearCookies();
        logIn(page, username);
    }

    /** Fills and submits the form of one action on the detail page and waits for the page it leads to. */
    private static void act(Page page, String action, java.util.function.Consumer<Locator> fill) {
        Locator form = page.locator("form[data-action=" + action + "]");
        assertThat(form.count()).as("the " + action + " form is offered").isEqualTo(1);
        fill.accept(form);
        page.waitForNavigation(() -> form.locator("button[type=submit]").click());
        assertThat(page.locator("[data-testid=action-error]").count()).as("no error after " + action).isZero();
        assertThat(page.locator("p.notice").first().textContent().trim()).isEqualTo(msg("case.page.done"));
    }

    private long caseCount() {
        return jdbc.queryForObject("select count(*) from desk.case_file", Long.class);
    }

    @Test
    void anOverlongAddressIsAnsweredOnTheFormWithOneRequestAndTheInputKept() {
        long casesBefore = caseCount();
        Page page = context.newPage();
        logIn(page, "grid1");
        page.navigate(url("/cases/new"));
        java.util.concurrent.atomic.AtomicInteger posts = new java.util.concurrent.atomic.AtomicInteger();
        page.onRequest(request -> {
            if ("POST".equals(request.method()) && request.url().endsWith("/cases/new")) {
                posts.incrementAndGet();
            }
        });
        String category = (String) page.locator("select[name=categoryCode] optgroup option").first()
                .getAttribute("value");
        page.locator("select[name=categoryCode]").selectOption(category);
        // the browser's limit removed, as a careless or hostile client would
        page.evaluate("() => document.querySelector('input[name=address]').removeAttribute('maxlength')");
        String address = "幸福路".repeat(70);
        page.locator("input[name=address]").fill(address);
        page.locator("textarea[name=description]").fill("地址过长的上报");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(msg("case.page.submit"))
                .setExact(true)).click();
        page.locator("p.field-error").first().waitFor();
        assertThat(page.locator("p.field-error").first().textContent()).contains("200");
        assertThat(page.locator("input[name=address]").inputValue()).isEqualTo(address);
        page.waitForTimeout(500);
        assertThat(posts.get()).as("the form is sent once").isEqualTo(1);
        assertThat(caseCount()).isEqualTo(casesBefore);
    }
}
