package org.gridgov.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.text.MessageFormat;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import org.junit.jupiter.api.Test;

/**
 * street1's morning look at the dashboard on a tablet: the charts are drawn, a click on a community drills down to
 * it, and a click on a number opens the cases it counts — as many as the number said.
 */
class DashboardBrowserIT extends BrowserJourneys {

    @Test
    void street1DrillsDownToACommunityAndOpensTheCasesBehindANumber() throws IOException {
        Page page = context.newPage();
        logIn(page, "street1");
        follow(page, page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(msg("dashboard.nav"))
                .setExact(true)));
        String street = jdbc.queryForObject("select name from grid.unit where id = ?", String.class,
                unitOf("street1"));
        assertThat(heading(page)).isEqualTo(MessageFormat.format(msg("dashboard.heading"), street));
        page.locator("#dashboard-trend canvas").first().waitFor(new Locator.WaitForOptions()
                .setState(WaitForSelectorState.ATTACHED));
        assertThat(page.locator("#dashboard-trend").getAttribute("data-rendered")).isEqualTo("true");
        assertThat(page.locator("#dashboard-categories canvas").count()).isPositive();
        assertThat(page.locator("#dashboard-trend canvas").first().boundingBox().width).as("chart width on a tablet")
                .isGreaterThan(300);
        assertThat(page.locator("table[data-testid=dashboard-ranking]").boundingBox().width)
                .as("the ranking fits the tablet without sideways scrolling").isLessThanOrEqualTo(TABLET_WIDTH);
        // the category pie's labels stay inside its chart on the tablet (none clipped at the edge)
        @SuppressWarnings("unchecked")
        java.util.List<Number> edges = (java.util.List<Number>) page.evaluate("() => { const c = echarts"
                + ".getInstanceByDom(document.getElementById('dashboard-categories')); const w = c.getWidth();"
                + " const labels = []; c.getZr().storage.getDisplayList().forEach(el => { if (el.type === 'text'"
                + " && el.style && el.style.text) { const r = el.getBoundingRect().clone();"
                + " r.applyTransform(el.getComputedTransform()); labels.push(r.x, r.x + r.width); } });"
                + " return [w, Math.min(...labels), Math.max(...labels)]; }");
        assertThat(edges.get(1).doubleValue()).as("leftmost label edge").isGreaterThanOrEqualTo(0);
        assertThat(edges.get(2).doubleValue()).as("rightmost label edge").isLessThanOrEqualTo(edges.get(0).doubleValue());
        // the ranking's rate axis starts just below the lowest rate, so near-equal rates are told apart
        page.locator("#dashboard-units canvas").first().waitFor(new Locator.WaitForOptions()
                .setState(WaitForSelectorState.ATTACHED));
        @SuppressWarnings("unchecked")
        java.util.List<Number> axis = (java.util.List<Number>) page.evaluate("() => { const o = echarts"
                + ".getInstanceByDom(document.getElementById('dashboard-units')).getOption();"
                + " const rates = o.series[0].data.map(d => d.value).filter(v => v !== null && v !== undefined);"
                + " return [o.xAxis[0].min, Math.min(...rates)]; }");
        double axisMin = axis.get(0).doubleValue();
        double lowest = axis.get(1).doubleValue();
        assertThat(axisMin).as("axis start").isLessThanOrEqualTo(lowest).isGreaterThanOrEqualTo(lowest - 7);
        Files.createDirectories(Paths.get("target", "screenshots"));
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Paths.get("target", "screenshots", "dashboard-street.png")).setFullPage(true));

        Locator community = page.locator("table[data-testid=dashboard-ranking] a.drill-link").first();
        String label = community.textContent().trim();
        String name = label.substring(label.indexOf(' ') + 1);
        follow(page, community);
        assertThat(page.url()).contains("unitId=");
        assertThat(heading(page)).isEqualTo(MessageFormat.format(msg("dashboard.heading"), name));
        assertThat(page.locator("[data-testid=dashboard-crumbs] a").first().textContent()).isEqualTo(street);

        Locator received = page.locator("a[data-card=received]");
        String shown = received.locator(".figure-value").textContent().trim();
        follow(page, received);
        assertThat(page.url()).contains("/cases?", "figure=RECEIVED");
        assertThat(page.locator("[data-testid=figure-filter]").isVisible()).isTrue();
        String[] around = msg("case.page.total").split("\\{0}");
        Pattern totalLine = Pattern.compile(Pattern.quote(around[0]) + "[0-9,]+" + Pattern.quote(around[1]));
        String total = page.locator("p.hint").allTextContents().stream().map(String::trim)
                .filter(t -> totalLine.matcher(t).matches()).findFirst().orElseThrow();
        assertThat(total.replaceAll("\\D", "")).as("the list counts what the dashboard showed")
                .isEqualTo(shown.replaceAll("\\D", ""));
    }

    @Test
    void theWallScreenHidesTheNavigationAndDrawsLargerNumbers() {
        Page page = context.newPage();
        logIn(page, "street1");
        page.navigate(url("/dashboard"));
        double tablet = fontSize(page);
        page.navigate(url("/dashboard?wall=true"));
        page.locator("#dashboard-trend canvas").first().waitFor(new Locator.WaitForOptions()
                .setState(WaitForSelectorState.ATTACHED));
        assertThat(page.locator("header.topbar").isHidden()).isTrue();
        assertThat(fontSize(page)).isGreaterThan(tablet);
        // on a 1440×900 control-room screen: dark, and the charts start above the fold
        page.setViewportSize(1440, 900);
        page.navigate(url("/dashboard?wall=true"));
        page.locator("#dashboard-trend canvas").first().waitFor(new Locator.WaitForOptions()
                .setState(WaitForSelectorState.ATTACHED));
        String background = (String) page.evaluate("() => getComputedStyle(document.body).backgroundColor");
        java.util.regex.Matcher rgb = java.util.regex.Pattern.compile("(\\d+), (\\d+), (\\d+)").matcher(background);
        assertThat(rgb.find()).as(background).isTrue();
        assertThat(Integer.parseInt(rgb.group(1)) + Integer.parseInt(rgb.group(2)) + Integer.parseInt(rgb.group(3)))
                .as("a dark background").isLessThan(150);
        assertThat(page.locator("#dashboard-trend").boundingBox().y).as("the trend chart starts above the fold")
                .isLessThan(900);
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", "dashboard-wall.png")));
    }

    private static String heading(Page page) {
        return page.locator("[data-testid=dashboard-heading]").textContent().trim();
    }

    private static double fontSize(Page page) {
        return Double.parseDouble(((String) page.locator("a[data-card=closureRate] .figure-value")
                .evaluate("e => getComputedStyle(e).fontSize")).replace("px", ""));
    }
}
