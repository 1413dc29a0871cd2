package org.gridgov.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.YearMonth;
import java.util.List;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.gridgov.desk.CaseFigures;
import org.gridgov.desk.CaseStats;
import org.gridgov.desk.StatsGrouping;
import org.gridgov.desk.StatsQuery;
import org.gridgov.grid.DataScope;
import org.gridgov.grid.DataScopeContext;
import org.gridgov.grid.PlatformTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A street official exports last month's report on /reports on the tablet: the progress bar runs to done, the
 * download is a workbook whose total row carries the street's figures from CaseStats.
 */
class ReportBrowserIT extends BrowserJourneys {

    @Autowired
    CaseStats stats;
    @Autowired
    PlatformTime time;

    @Test
    void aStreetOfficialExportsLastMonthAndTheWorkbookHoldsTheStreetsFigures() throws IOException {
        Page page = context.newPage();
        logIn(page, "street1");
        follow(page, page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(msg("nav.reports"))
                .setExact(true)));
        YearMonth lastMonth = time.thisMonth().minusMonths(1);
        long street = unitOf("street1");
        assertThat(page.locator("select[name=unitId]").inputValue()).as("defaults to the user's own node")
                .isEqualTo(String.valueOf(street));
        assertThat(page.locator("input[name=month]").inputValue()).as("defaults to last month")
                .isEqualTo(lastMonth.toString());

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(msg("report.page.submit"))
                .setExact(true)).click();
        page.waitForURL(u -> u.contains("/reports?job="));
        assertThat(page.locator("[data-testid=report-progress] progress").count()).isEqualTo(1);
        Locator download = page.locator("[data-testid=report-download]");
        download.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE).setTimeout(120_000));
        assertThat(page.locator("[data-testid=report-status]").textContent()).isEqualTo(msg("reportStatus.DONE"));
        assertThat(page.locator("[data-testid=report-bar]").getAttribute("value")).isEqualTo("100");
        String jobId = page.url().substring(page.url().indexOf("job=") + 4);
        assertThat(page.locator("tr[data-job-id='" + jobId + "'] .job-status").textContent())
                .as("the list of earlier reports follows the progress too").isEqualTo(msg("reportStatus.DONE"));
        Files.createDirectories(Paths.get("target", "screenshots"));
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", "report-done.png"))
                .setFullPage(true));

        Download file = page.waitForDownload(download::click);
        assertThat(file.suggestedFilename()).endsWith(".xlsx").contains(lastMonth.toString());
        String scopePath = jdbc.queryForObject("select path from grid.unit where id = ?", String.class, street);
        CaseFigures expected = DataScopeContext.callAs(new DataScope(street, scopePath),
                () -> stats.total(new StatsQuery(street, lastMonth, lastMonth, StatsGrouping.UNIT, null, null)));
        assertThat(expected.received()).as("the demo county has cases last month").isPositive();
        try (InputStream in = Files.newInputStream(file.path()); ReadableWorkbook workbook = new ReadableWorkbook(in)) {
            List<Row> summary = workbook.getFirstSheet().read();
            Row total = summary.get(summary.size() - 1);
            assertThat(total.getCellText(0)).startsWith(msg("report.row.total"));
            assertThat(total.getCellAsNumber(1).orElseThrow()).isEqualByComparingTo(BigDecimal.valueOf(expected.received()));
            assertThat(total.getCellAsNumber(3).orElseThrow()).isEqualByComparingTo(BigDecimal.valueOf(expected.closed()));
            if (expected.closureRate().isPresent()) {
                assertThat(total.getCellAsNumber(4).orElseThrow()).isEqualByComparingTo(expected.closureRate().get());
            }
        }

        page.navigate(url("/reports"));
        assertThat(page.locator("[data-testid=report-list]").textContent()).contains(lastMonth.toString(),
                msg("reportStatus.DONE"));
    }
}
