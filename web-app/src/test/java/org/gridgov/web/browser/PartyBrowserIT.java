package org.gridgov.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Paths;
import java.util.Map;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 双报到 to 双服务 in the browser: an in-service member registers with grid1's grid (through the API, as a work unit's
 * system would), party1 approves it on the registrations page, grid1 posts a resident's micro-wish, the member's
 * claim and completion are entered on the phone page at 390 px, and grid1 confirms it on the resident's word.
 */
class PartyBrowserIT extends BrowserJourneys {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int PHONE_WIDTH = 390;
    private static final int PHONE_HEIGHT = 844;

    @Test
    void aRegisteredMemberClaimsAndCompletesAWishThatTheResidentConfirms() throws Exception {
        long community = unitOf("party1");
        long grid = unitOf("grid1");
        String admin = token("admin");
        long organization = communityOrganization(admin, community);
        long resident = jdbc.queryForObject("select min(r.id) from grid.resident r join grid.household h"
                + " on h.id = r.household_id where h.unit_path like (select path from grid.unit where id = ?) || '%'"
                + " and not exists (select 1 from party.member m where m.resident_id = r.id)", Long.class, grid);
        long member = post(admin, "/api/v1/party/members", Map.of("residentId", resident, "organizationId",
                organization, "category", "IN_SERVICE", "workUnit", "县自然资源局", "joinedOn", "2012-07-01",
                "deputy", false)).get("id").asLong();
        long registration = post(admin, "/api/v1/party/registrations/members", Map.of("memberId", member,
                "unitId", grid)).get("id").asLong();
        String memberName = jdbc.queryForObject("select member_name from party.member_registration where id = ?",
                String.class, registration);

        Page page = context.newPage();
        logIn(page, "party1");
        // on a phone: the list fits the width and the approve button is the row's own
        page.setViewportSize(PHONE_WIDTH, PHONE_HEIGHT);
        page.navigate(url("/party/registrations?status=PENDING"));
        assertThat((Integer) page.evaluate("() => document.documentElement.scrollWidth"))
                .as("registrations at phone width").isLessThanOrEqualTo(PHONE_WIDTH);
        // the header folds its menu behind one button: it leaves the screen to the page
        assertThat(page.locator("header.topbar").boundingBox().height).as("header height on a phone")
                .isLessThanOrEqualTo(72);
        Locator partyLink = page.locator("header.topbar nav a[href='/party']");
        assertThat(partyLink.isVisible()).isFalse();
        page.locator("[data-testid=menu-button]").click();
        assertThat(partyLink.isVisible()).as("the menu unfolds on a tap").isTrue();
        page.locator("[data-testid=menu-button]").click();
        Locator row = page.locator("tr[data-registration='MEMBER-" + registration + "']");
        Locator approve = row.locator("button.primary");
        assertThat(approve.boundingBox().x + approve.boundingBox().width).as("approve within the screen")
                .isLessThanOrEqualTo(PHONE_WIDTH);
        submit(page, approve);
        assertThat(page.locator("p.notice").first().textContent().trim())
                .isEqualTo(msg("party.registration.approved"));
        assertThat(page.url()).as("the list keeps its 待审核 filter").contains("status=PENDING");
        page.setViewportSize(TABLET_WIDTH, TABLET_HEIGHT);
        assertThat(status("member_registration", registration)).isEqualTo("APPROVED");

        context.clearCookies();
        logIn(page, "grid1");
        page.navigate(url("/party/services"));
        Locator wishForm = page.locator("form[action$='/party/services/wishes']");
        wishForm.locator("input[name=title]").fill("想要一台收音机");
        wishForm.locator("input[name=residentId]").fill(String.valueOf(resident));
        submit(page, wishForm.locator("button[type=submit]"));
        assertThat(page.locator("p.notice").first().textContent().trim()).isEqualTo(msg("party.service.posted"));
        long wish = jdbc.queryForObject("select max(id) from party.service_item where kind = 'WISH' and resident_id"
                + " = ?", Long.class, resident);

        page.setViewportSize(PHONE_WIDTH, PHONE_HEIGHT);
        page.navigate(url("/party/wishes"));
        Locator card = page.locator("article[data-item='" + wish + "']");
        assertThat(card.boundingBox().width).as("card fits the phone").isLessThanOrEqualTo(PHONE_WIDTH);
        Locator claim = card.locator("[data-testid=claim]");
        assertThat(claim.boundingBox().height).as("claim button height").isGreaterThanOrEqualTo(48);
        assertThat(claim.boundingBox().width).as("claim button spans the card").isGreaterThan(PHONE_WIDTH / 2.0);
        card.locator("select[name=claimer]").selectOption("MEMBER-" + registration);
        submit(page, claim);
        assertThat(page.locator("p.notice").first().textContent().trim()).isEqualTo(msg("party.service.claimed"));
        card = page.locator("article[data-item='" + wish + "']");
        assertThat(card.textContent()).contains(memberName, msg("party.serviceStatus.CLAIMED"));

        card.locator("input[name=hours]").fill("1.5");
        card.locator("input[name=note]").fill("已送到老人家中并教会使用");
        submit(page, card.locator("[data-testid=complete]"));
        card = page.locator("article[data-item='" + wish + "']");
        assertThat(card.textContent()).contains(msg("party.serviceStatus.DONE"));
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", "party-wish-phone.png"))
                .setFullPage(true));

        card.locator("input[name=note]").fill("老人当面表示很满意");
        submit(page, card.locator("[data-testid=confirm]"));
        assertThat(page.locator("p.notice").first().textContent().trim()).isEqualTo(msg("party.service.confirmed"));
        assertThat(status("service_item", wish)).isEqualTo("CONFIRMED");
        assertThat(jdbc.queryForObject("select service_hours from party.service_item where id = ?", Double.class,
                wish)).isEqualTo(1.5);
        assertThat(jdbc.queryForObject("select confirmed_by from party.service_item where id = ?", String.class,
                wish)).isEqualTo("grid1");
    }

    /** Clicks a form's button and waits until the page it posts to has been replaced by the one it leads to. */
    private static void submit(Page page, Locator button) {
        page.evaluate("() => { window.gridgovBeforeSubmit = true; }");
        button.click();
        page.waitForFunction("() => window.gridgovBeforeSubmit === undefined");
        page.waitForLoadState();
    }

    private String status(String table, long id) {
        return jdbc.queryForObject("select status from party." + table + " where id = ?", String.class, id);
    }

    /** The community's own party organization, founded through the API when the demo data has none. */
    private long communityOrganization(String admin, long community) throws Exception {
        Long existing = jdbc.queryForObject("select min(id) from party.organization where unit_id = ? and valid_to"
                + " is null and type in ('COMMUNITY_COMMITTEE', 'JOINT_COMMITTEE', 'GENERAL_BRANCH')", Long.class,
                community);
        if (existing != null) {
            return existing;
        }
        long street = unitOf("street1");
        Long streetCommittee = jdbc.queryForObject("select min(id) from party.organization where unit_id = ? and"
                + " type = 'STREET_WORKING_COMMITTEE' and valid_to is null", Long.class, street);
        if (streetCommittee == null) {
            streetCommittee = post(admin, "/api/v1/party/organizations", organization("街道党工委",
                    "STREET_WORKING_COMMITTEE", null, street)).get("id").asLong();
        }
        return post(admin, "/api/v1/party/organizations", organization("社区党委", "COMMUNITY_COMMITTEE",
                streetCommittee, community)).get("id").asLong();
    }

    private static Map<String, Object> organization(String name, String type, Long parentId, long unitId) {
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("name", name);
        body.put("type", type);
        body.put("parentId", parentId);
        body.put("unitId", unitId);
        body.put("secretaryName", "王书记");
        body.put("memberUnits", java.util.List.of());
        return body;
    }

    private String token(String username) throws Exception {
        APIResponse response = context.request().post(url("/api/v1/auth/token"), RequestOptions.create()
                .setHeader("Content-Type", "application/json")
                .setData(JSON.writeValueAsString(Map.of("username", username, "password", PASSWORD))));
        assertThat(response.status()).isEqualTo(200);
        return JSON.readTree(response.text()).get("token").asString();
    }

    private JsonNode post(String token, String path, Object body) throws Exception {
        APIResponse response = context.request().post(url(path), RequestOptions.create()
                .setHeader("Authorization", "Bearer " + token).setHeader("Content-Type", "application/json")
                .setData(JSON.writeValueAsString(body)));
        assertThat(response.status()).as(path + ": " + response.text()).isEqualTo(201);
        return JSON.readTree(response.text());
    }
}
