package org.gridgov.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Paths;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.gridgov.testsupport.TestClock;
import org.gridgov.work.VisitRecorded;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 积分兑换 at the service point on the tablet: grid1, who earned points by on-time visits, opens the points page from
 * the menu, exchanges an umbrella for themselves and lands on their ledger; an exchange beyond the balance is shown
 * back with the reason and what was typed.
 */
class PointsBrowserIT extends BrowserJourneys {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    TestClock clock;

    @Test
    void aGridWorkerExchangesGoodsForPointsOnTheTablet() {
        long worker = jdbc.queryForObject("select id from app.user_account where username = 'grid1'", Long.class);
        for (int i = 0; i < 15; i++) {
            long visit = 8_000_000L + i;
            tx.executeWithoutResult(s -> events.publishEvent(new VisitRecorded(visit, 1L, 1L, "/", worker, true,
                    clock.instant())));
        }
        int balance = jdbc.queryForObject("select balance from work.point_account where person_kind = 'GRID_WORKER'"
                + " and person_id = ?", Integer.class, worker);
        assertThat(balance).isGreaterThanOrEqualTo(30);
        long umbrella = jdbc.queryForObject("select min(id) from work.goods where unit_path = '/' and price = 20",
                Long.class);
        long detergent = jdbc.queryForObject("select min(id) from work.goods where unit_path = '/' and price = 30",
                Long.class);

        Page page = context.newPage();
        logIn(page, "grid1");
        follow(page, page.locator("header nav a[href='/points']"));
        Locator form = page.locator("form[data-testid=exchange-form]");
        Locator submit = form.locator("button[type=submit]");
        assertThat(submit.boundingBox().height).as("exchange button height on a tablet").isGreaterThanOrEqualTo(44);
        assertThat(form.locator("select[name=goodsId]").boundingBox().height).as("goods select height")
                .isGreaterThanOrEqualTo(44);
        assertThat(page.locator("table[data-testid=goods]").boundingBox().width)
                .as("the catalogue fits the tablet without sideways scrolling").isLessThanOrEqualTo(TABLET_WIDTH);

        form.locator("select[name=personKind]").selectOption("GRID_WORKER");
        form.locator("input[name=personId]").fill(String.valueOf(worker));
        form.locator("select[name=goodsId]").selectOption(String.valueOf(umbrella));
        form.locator("input[name=quantity]").fill("1");
        submit(page, submit);
        assertThat(page.url()).endsWith("/points/ledger?personKind=GRID_WORKER&personId=" + worker);
        assertThat(page.locator("p.notice").first().textContent().trim()).isEqualTo(msg("points.exchange.done"));
        assertThat(page.locator("[data-testid=balance]").textContent().trim())
                .isEqualTo(String.valueOf(balance - 20));
        assertThat(page.locator("[data-testid=ledger]").textContent()).contains(msg("points.reason.EXCHANGE"),
                msg("points.reason.VISIT_ON_TIME"));
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", "points-ledger.png"))
                .setFullPage(true));

        page.navigate(url("/points"));
        form = page.locator("form[data-testid=exchange-form]");
        form.locator("select[name=personKind]").selectOption("GRID_WORKER");
        form.locator("input[name=personId]").fill(String.valueOf(worker));
        form.locator("select[name=goodsId]").selectOption(String.valueOf(detergent));
        form.locator("input[name=quantity]").fill("20");
        submit(page, form.locator("button[type=submit]"));
        form = page.locator("form[data-testid=exchange-form]");
        assertThat(form.locator(".errors").textContent()).contains("积分不足");
        assertThat(form.locator("input[name=quantity]").inputValue()).isEqualTo("20");
        assertThat(jdbc.queryForObject("select balance from work.point_account where person_kind = 'GRID_WORKER'"
                + " and person_id = ?", Integer.class, worker)).isEqualTo(balance - 20);
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots",
                "points-refused.png")).setFullPage(true));
    }

    /** Clicks a form's button and waits until the page it posts to has been replaced by the one it leads to. */
    private static void submit(Page page, Locator button) {
        page.evaluate("() => { window.gridgovBeforeSubmit = true; }");
        button.click();
        page.waitForFunction("() => window.gridgovBeforeSubmit === undefined");
        page.waitForLoadState();
    }
}
