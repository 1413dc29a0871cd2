package org.gridgov.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Page;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The pages a grid worker and a party member use, at a phone's width and a tablet's: none scrolls sideways (a tap
 * meant for a button lands on another cell when it does), and the header leaves the screen to the page.
 */
class PageWidthBrowserIT extends BrowserJourneys {

    static final int PHONE_WIDTH = 390;
    static final int PHONE_HEIGHT = 844;

    static final Map<String, List<String>> PAGES = Map.of(
            "grid1", List.of("/today", "/cases", "/cases?tab=all", "/cases/new", "/visits", "/patrols", "/warnings",
                    "/warnings/tasks", "/points", "/points/ledger", "/points/ranking", "/households",
                    "/residents?q=%E7%A8%8B", "/party/services", "/party/wishes", "/account/password",
                    "/account/totp", "/dashboard"),
            "party1", List.of("/today", "/party", "/party/registrations", "/party/registrations?status=PENDING",
                    "/party/services", "/party/wishes", "/party/roster", "/cases"));

    @Test
    void noPageOfTheDayScrollsSidewaysOnAPhoneOrATablet() throws Exception {
        // a case whose address is one long word (typed without spaces) must wrap, not widen the lists
        com.microsoft.playwright.APIResponse signIn = context.request().post(url("/api/v1/auth/token"),
                com.microsoft.playwright.options.RequestOptions.create().setHeader("Content-Type", "application/json")
                        .setData("{\"username\":\"grid1\",\"password\":\"" + PASSWORD + "\"}"));
        String token = signIn.text().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        com.microsoft.playwright.APIResponse filed = context.request().post(url("/api/v1/cases"),
                com.microsoft.playwright.options.RequestOptions.create().setHeader("Authorization", "Bearer " + token)
                        .setHeader("Content-Type", "application/json")
                        .setData("{\"gridUnitId\":" + unitOf("grid1") + ",\"categoryCode\":\"0101\","
                                + "\"nature\":\"HELP\",\"address\":\"" + "Block7Unit12Room".repeat(12)
                                + "\",\"description\":\"LongWordAddress\"}"));
        assertThat(filed.status()).as(filed.text()).isEqualTo(201);
        SoftAssertions soft = new SoftAssertions();
        for (Map.Entry<String, List<String>> user : PAGES.entrySet()) {
            Page page = context.newPage();
            logIn(page, user.getKey());
            for (int[] size : new int[][] {{PHONE_WIDTH, PHONE_HEIGHT}, {TABLET_WIDTH, TABLET_HEIGHT}}) {
                page.setViewportSize(size[0], size[1]);
                List<String> checked = new ArrayList<>();
                for (String path : user.getValue()) {
                    page.navigate(url(path));
                    int scrollWidth = ((Number) page.evaluate("() => document.documentElement.scrollWidth"))
                            .intValue();
                    String wide = scrollWidth <= size[0] ? "" : " (wider: " + page.evaluate("w => Array.from("
                            + "document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > w)"
                            + ".slice(0, 6).map(e => e.tagName + '.' + e.className).join(' | ')", size[0]) + ")";
                    soft.assertThat(scrollWidth).as(user.getKey() + " " + path + " at " + size[0] + " px" + wide)
                            .isLessThanOrEqualTo(size[0]);
                    checked.add(path);
                }
                assertThat(checked).hasSize(user.getValue().size());
            }
            page.close();
        }
        soft.assertAll();
    }
}
