package org.gridgov.web.admin.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.testsupport.DemoUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gridgov.audit.AuditChain;
import org.gridgov.audit.AuditLog;
import org.gridgov.audit.AuditLog.Action;
import org.gridgov.audit.AuditLog.Result;
import org.gridgov.grid.PlatformTime;
import org.gridgov.web.GridGovIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The audit search page: filters, paging, the verify button, zh-CN and English, the audit admin only (三权分立). */
@GridGovIntegrationTest
class AuditPagesIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    AuditLog audit;
    @Autowired
    PlatformTime time;

    String page(String url, String language) throws Exception {
        return mvc.perform(get(url).with(as("auditadmin")).header("Accept-Language", language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void filtersByUserActionResultAndDateAndPages() throws Exception {
        for (int i = 0; i < 55; i++) {
            audit.record("page-user", Action.EXPORT, "export-" + i, Result.SUCCESS, "10.9.3.1", null);
        }
        audit.record("page-user", Action.LOGIN, "form", Result.FAILURE, "10.9.3.1", "bad-password-row");
        audit.record("other-page-user", Action.LOGIN, "form", Result.FAILURE, "10.9.3.2", "other-user-row");
        String today = time.today().toString();

        String failures = page("/admin/audit?user=page-user&result=FAILURE&from=" + today + "&to=" + today, "zh-CN");
        assertThat(failures).contains("审计日志", "bad-password-row", "共 1 条", "登录", "失败", "+08:00")
                .doesNotContain("other-user-row", "export-3<");
        String exports = page("/admin/audit?user=page-user&action=EXPORT", "zh-CN");
        assertThat(exports).contains("共 55 条", "export-54<", "第 1 / 2 页").doesNotContain("export-4<");
        assertThat(page("/admin/audit?user=page-user&action=EXPORT&page=1", "zh-CN")).contains("export-4<")
                .doesNotContain("export-54<");
        assertThat(page("/admin/audit?user=page-user&from=2000-01-01&to=2000-01-02", "zh-CN")).contains("共 0 条");
        assertThat(page("/admin/audit?user=page-user&result=FAILURE", "en")).contains("Audit log", "1 events",
                "Login", "Failure", "Verify hash chain");
    }

    @Test
    void theVerifyButtonShowsTheChainIsIntact() throws Exception {
        audit.record("verify-user", Action.LOGIN, "form", Result.SUCCESS, "10.9.3.3", null);
        MvcResult verified = mvc.perform(post("/admin/audit/verify").with(as("auditadmin")).with(csrf()))
                .andExpect(redirectedUrl("/admin/audit")).andReturn();
        Object verification = verified.getFlashMap().get("verification");
        assertThat(verification).isInstanceOf(AuditChain.Verification.class);
        String body = mvc.perform(get("/admin/audit").with(as("auditadmin")).flashAttr("verification", verification))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(body).contains("data-testid=\"chain-ok\"", "哈希链完整");
    }

    @Test
    void onlyTheAuditAdminSeesIt() throws Exception {
        mvc.perform(get("/admin/audit").with(as("grid1"))).andExpect(status().isForbidden());
        // 三权分立: neither the district admin nor the system or security admin reads the audit log
        for (String other : new String[] {"admin", "sysadmin", "secadmin"}) {
            mvc.perform(get("/admin/audit").with(as(other))).andExpect(status().isForbidden());
            mvc.perform(post("/admin/audit/verify").with(as(other)).with(csrf())).andExpect(status().isForbidden());
        }
        mvc.perform(post("/admin/audit/verify").with(as("street1")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/admin/audit/verify").with(as("auditadmin"))).andExpect(status().isForbidden());
    }
}
