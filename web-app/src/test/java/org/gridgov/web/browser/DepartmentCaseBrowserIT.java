package org.gridgov.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.gridgov.desk.CaseActor;
import org.gridgov.desk.CaseChannel;
import org.gridgov.desk.CaseCommand;
import org.gridgov.desk.Cases;
import org.gridgov.desk.DeskRole;
import org.gridgov.desk.NewCase;
import org.gridgov.desk.Register;
import org.gridgov.desk.RequestNature;
import org.gridgov.grid.DataScope;
import org.gridgov.grid.DataScopeContext;
import org.gridgov.grid.Departments;
import org.gridgov.web.desk.cases.DepartmentFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * 吹哨报到 in the browser: street1 sends a registered case of its street to a department (城管) with another one
 * assisting (住建); the lead's handler signs, the assisting department reports its part (协办反馈), the lead reports
 * back, street1 verifies and closes; the departments' figures count it. The departments and their handlers are made
 * here, so the test does not depend on the demo having departments.
 */
class DepartmentCaseBrowserIT extends BrowserJourneys {

    @Autowired
    org.gridgov.grid.PlatformTime time;
    @Autowired
    Departments departments;
    @Autowired
    Cases cases;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void aWhistledCaseIsSignedAssistedReportedAndClosedByTheRightDepartments() throws IOException {
        DepartmentFixture fixture = new DepartmentFixture(jdbc, departments);
        long lead = fixture.department(fixture.county(), "城管测试局");
        long assist = fixture.department(fixture.county(), "住建测试局");
        String leadHandler = fixture.handler(lead, encoder, PASSWORD);
        String assistHandler = fixture.handler(assist, encoder, PASSWORD);
        long id = registeredCase("井盖破损需城管与住建协同处置");
        String casePath = "/cases/" + id;

        Page page = context.newPage();
        signIn(page, "street1");
        page.navigate(url(casePath));
        act(page, "DISPATCH", form -> {
            Locator target = form.locator("select[name=target]");
            target.selectOption("DEPARTMENT:" + lead);
            form.locator("input[name=assistingDepartmentIds][value='" + assist + "']").check();
            form.locator("textarea[name=comment]").fill("请城管牵头,住建协办");
        });
        assertThat(page.content()).contains(msg("caseStatus.DISPATCHED"));
        Locator parts = page.locator("[data-testid=department-parts]");
        assertThat(parts.textContent()).contains(fixture.nameOf(lead), fixture.nameOf(assist),
                msg("case.page.part.lead"), msg("case.page.part.assist"));

        signIn(page, leadHandler);
        page.navigate(url("/cases"));
        assertThat(page.locator("ul.case-list").textContent()).as("the lead's tasks").contains(code(id));
        assertThat(page.locator("select[name=unitId]").count()).as("no unit chooser for a department").isZero();
        page.navigate(url(casePath));
        act(page, "SIGN", form -> { });
        assertThat(page.content()).contains(msg("caseStatus.HANDLING"));

        signIn(page, assistHandler);
        page.navigate(url("/cases"));
        assertThat(page.locator("ul.case-list").textContent()).as("the owed 协办 part").contains(code(id));
        page.navigate(url(casePath));
        act(page, "ASSIST_REPORT", form -> form.locator("textarea[name=comment]").fill("已排查管线,无需改道"));

        signIn(page, leadHandler);
        page.navigate(url(casePath));
        act(page, "REPORT_BACK", form -> form.locator("textarea[name=comment]").fill("井盖已更换,路面已恢复"));
        assertThat(page.content()).contains(msg("caseStatus.REPORTED_BACK"));

        signIn(page, "street1");
        page.navigate(url(casePath));
        act(page, "VERIFY_PASS", form -> { });
        assertThat(page.content()).contains(msg("caseStatus.CLOSED"));
        Files.createDirectories(Paths.get("target", "screenshots"));
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Paths.get("target", "screenshots", "case-departments.png")).setFullPage(true));

        assertThat(jdbc.queryForList("select action || ':' || user_name from desk.case_event where case_id = ?"
                + " order by seq", String.class, id)).containsExactly("REPORT:grid1", "REGISTER:community1",
                "DISPATCH:street1", "SIGN:" + leadHandler, "ASSIST_REPORT:" + assistHandler,
                "REPORT_BACK:" + leadHandler, "VERIFY_PASS:street1");
        // the county's dashboard ranks the departments: the lead received it and completed it on time, and its
        // count links to exactly this case
        signIn(page, "admin");
        // this month: the dashboard opens on the last complete one
        java.time.YearMonth month = time.thisMonth();
        page.navigate(url("/dashboard?from=" + month + "&to=" + month));
        Locator row = page.locator("[data-testid=dashboard-departments] tr[data-department='" + lead + "']");
        assertThat(row.textContent()).contains(fixture.nameOf(lead));
        Locator cells = row.locator("td.num a");
        assertThat(cells.nth(0).textContent().strip()).as("received").isEqualTo("1");
        assertThat(cells.nth(2).textContent().strip()).as("按期办结率").startsWith("100");
        cells.nth(0).click();
        page.waitForURL(u -> u.contains("department=" + lead));
        assertThat(page.locator("ul.case-list").textContent()).contains(code(id));
        assertThat(page.locator("ul.case-list li").count()).isEqualTo(1);
        assertThat(page.locator("[data-testid=department-filter]").textContent()).contains(fixture.nameOf(lead));
        assertThat(jdbc.queryForObject("select coalesce(sum(assisted), 0) from desk.department_rollup_current"
                + " where department_id = ?", Long.class, assist)).isEqualTo(1);
    }

    /** A case grid1 files in its grid (in street1's street) and community1 registers. */
    private long registeredCase(String description) {
        long grid = unitOf("grid1");
        return DataScopeContext.callAs(DataScope.SYSTEM, () -> {
            long id = cases.report(new NewCase(grid, "0101", RequestNature.HELP, CaseChannel.GRID_WORKER, false,
                    "书香新村5号楼", null, null, description, null, null, List.of()),
                    new CaseActor(DeskRole.GRID_WORKER, grid, "grid1")).id();
            cases.act(id, new CaseCommand(new Register(), new CaseActor(DeskRole.COMMUNITY_DISPATCHER,
                    unitOf("community1"), "community1"), 0L, null, List.of()));
            return id;
        });
    }

    /** Signs in as another user; a department user lands on its own unit's page, which is not asserted here. */
    private void signIn(Page page, String username) {
        context.clearCookies();
        page.navigate(url("/login"), new Page.NavigateOptions().setTimeout(60_000));
        page.locator("input[name=username]").fill(username);
        page.locator("input[name=password]").fill(PASSWORD);
        page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName(msg("login.submit")).setExact(true)).click());
        assertThat(page.url()).as("signed in as " + username).doesNotContain("/login");
    }

    private String code(long id) {
        return jdbc.queryForObject("select code from desk.case_file where id = ?", String.class, id);
    }

    private static void act(Page page, String action, java.util.function.Consumer<Locator> fill) {
        Locator form = page.locator("form[data-action=" + action + "]");
        assertThat(form.count()).as("the " + action + " form is offered").isEqualTo(1);
        fill.accept(form);
        page.waitForNavigation(() -> form.locator("button[type=submit]").click());
        assertThat(page.locator("[data-testid=action-error]").count()).as("no error after " + action).isZero();
        assertThat(page.locator("p.notice").first().textContent().trim()).isEqualTo(msg("case.page.done"));
    }
}
