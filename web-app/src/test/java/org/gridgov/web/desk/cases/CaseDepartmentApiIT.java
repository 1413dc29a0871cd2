package org.gridgov.web.desk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.testsupport.DemoUsers.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.gridgov.desk.Categories;
import org.gridgov.desk.CategoryView;
import org.gridgov.grid.DataScope;
import org.gridgov.grid.DataScopeContext;
import org.gridgov.grid.Departments;
import org.gridgov.grid.PlatformTime;
import org.gridgov.web.GridGovIntegrationTest;
import org.gridgov.web.testsupport.DemoUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 吹哨报到 through the actions API: a dispatch to a department with assisting ones (协办), the older target form (the
 * county's id: the category's default department), refusals of departments the case cannot reach as 400 on the
 * field, the departments' parts, 挂账 with its review date, and the lists of a department user and of a department's
 * figure.
 */
@GridGovIntegrationTest
class CaseDepartmentApiIT {

    private static final String CATEGORY = "0101";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Departments departments;
    @Autowired
    Categories categories;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    PlatformTime time;

    final JsonMapper json = JsonMapper.builder().build();
    DepartmentFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new DepartmentFixture(jdbc, departments);
    }

    @Test
    void aStreetDispatchesToADepartmentWithAssistingOnesAndTheyShowInTheCase() throws Exception {
        long lead = fixture.department(fixture.county(), "城管测试局");
        long assist = fixture.department(fixture.county(), "住建测试局");
        String handler = fixture.handler(lead, encoder, DemoUsers.PASSWORD);
        String street = DemoUsers.token(mvc, "street1");
        long id = registeredCase("占道堆物协办");

        act(street, id, "{\"action\":\"DISPATCH\",\"version\":1,\"target\":{\"level\":\"DEPARTMENT\","
                + "\"departmentId\":" + lead + ",\"assistingDepartmentIds\":[" + assist + "]}}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assignee.level").value("DEPARTMENT"))
                .andExpect(jsonPath("$.assignee.unitId").value(lead));

        mvc.perform(get("/api/v1/cases/" + id).with(bearer(street))).andExpect(status().isOk())
                .andExpect(jsonPath("$.timeline[2].action").value("DISPATCH"))
                .andExpect(jsonPath("$.timeline[2].params.target.unitId").value(lead))
                .andExpect(jsonPath("$.timeline[2].params.assisting[0]").value(assist))
                .andExpect(jsonPath("$.departments.length()").value(2))
                .andExpect(jsonPath("$.departments[0].departmentId").value(lead))
                .andExpect(jsonPath("$.departments[0].lead").value(true))
                .andExpect(jsonPath("$.departments[1].departmentName").value(fixture.nameOf(assist)))
                .andExpect(jsonPath("$.departments[1].lead").value(false));
        mvc.perform(get("/api/v1/cases/" + id + "/departments").with(bearer(street))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].departmentName").value(fixture.nameOf(lead)));

        // the list behind the department's figure, and the department user's own list (their unit covers no case)
        assertThat(codes(street, "/api/v1/cases?department=" + lead + "&departmentFigure=RECEIVED"))
                .contains(codeOf(id));
        assertThat(codes(street, "/api/v1/cases?department=" + assist + "&departmentFigure=RECEIVED"))
                .doesNotContain(codeOf(id));
        assertThat(codes(street, "/api/v1/cases?department=" + assist + "&departmentFigure=ASSISTED"))
                .contains(codeOf(id));
        String dept = DemoUsers.token(mvc, handler);
        assertThat(codes(dept, "/api/v1/cases")).containsExactly(codeOf(id));
        assertThat(codes(dept, "/api/v1/cases?mine=true")).containsExactly(codeOf(id));

        // signed, then put on the ledger (挂账) until a review date
        act(dept, id, "{\"action\":\"SIGN\",\"version\":2}").andExpect(status().isOk());
        act(street, id, "{\"action\":\"SHELVE\",\"version\":3,\"reason\":\"需纳入明年改造计划\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fieldErrors[0].field").value("reviewDate"));
        act(street, id, "{\"action\":\"SHELVE\",\"version\":3,\"reason\":\"需纳入明年改造计划\",\"reviewDate\":\""
                + time.today() + "\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fieldErrors[0].field").value("reviewDate"));
        String review = time.today().plusMonths(2).toString();
        act(street, id, "{\"action\":\"SHELVE\",\"version\":3,\"reason\":\"需纳入明年改造计划\",\"reviewDate\":\""
                + review + "\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SHELVED"))
                .andExpect(jsonPath("$.reviewDate").value(review));
        mvc.perform(get("/api/v1/cases/" + id).with(bearer(street)))
                .andExpect(jsonPath("$.timeline[4].params.reviewDate").value(review));
    }

    @Test
    void theOlderTargetGoesToTheCategorysDefaultDepartmentAndWithoutOneAsksForADepartment() throws Exception {
        long county = fixture.county();
        long routed = fixture.department(county, "环保测试局");
        String street = DemoUsers.token(mvc, "street1");
        long id = registeredCase("旧式派遣到部门");
        String older = "{\"action\":\"DISPATCH\",\"version\":1,\"target\":{\"level\":\"DEPARTMENT\",\"unitId\":"
                + county + "}}";
        Long before = route(null);
        try {
            act(street, id, older).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.fieldErrors[0].field").value("departmentId"));
            route(routed);
            act(street, id, older).andExpect(status().isOk())
                    .andExpect(jsonPath("$.assignee.unitId").value(routed));
        }
        finally {
            route(before);
        }
        // neither id at all: the department is asked for
        long other = registeredCase("没有部门");
        act(street, other, "{\"action\":\"DISPATCH\",\"version\":1,\"target\":{\"level\":\"DEPARTMENT\"}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors[0].field").value("departmentId"));
    }

    @Test
    void unknownUnreachableAndTooManyDepartmentsAre400() throws Exception {
        long lead = fixture.department(fixture.county(), "水务测试局");
        String street = DemoUsers.token(mvc, "street1");
        long id = registeredCase("部门不可达");
        act(street, id, target("\"departmentId\":987654321")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors[0].field").value("departmentId"));
        act(street, id, target("\"departmentId\":" + lead + ",\"assistingDepartmentIds\":[987654321]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors[0].field").value("assistingDepartmentIds"));
        act(street, id, target("\"departmentId\":" + lead + ",\"assistingDepartmentIds\":[" + lead + "]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors[0].field").value("assistingDepartmentIds"));
        act(street, id, target("\"departmentId\":" + lead + ",\"assistingDepartmentIds\":[1,2,3,4,5,6]"))
                .andExpect(status().isBadRequest());
        long otherStreet = fixture.otherStreet();
        if (otherStreet > 0) {
            long office = fixture.department(otherStreet, "外街派出所");
            act(street, id, target("\"departmentId\":" + office)).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.fieldErrors[0].field").value("departmentId"));
        }
        // assisting departments only with a department as lead
        act(street, id, "{\"action\":\"DISPATCH\",\"version\":1,\"target\":{\"level\":\"GRID\",\"unitId\":"
                + jdbc.queryForObject("select unit_id from app.user_account where username = 'grid1'", Long.class)
                + ",\"assistingDepartmentIds\":[" + lead + "]}}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors[0].field").value("assistingDepartmentIds"));
        assertThat(jdbc.queryForObject("select status from desk.case_file where id = ?", String.class, id))
                .isEqualTo("REGISTERED");
    }

    @Test
    void aUnitTargetMustExistBeOfItsLevelAndLieInTheDispatchersReach() throws Exception {
        String community = DemoUsers.token(mvc, "community1");
        long id = registeredCase("承办单位核对");
        long grid = jdbc.queryForObject("select unit_id from app.user_account where username = 'grid1'", Long.class);
        String communityPath = jdbc.queryForObject("select u.path from grid.unit u join app.user_account a"
                + " on a.unit_id = u.id where a.username = 'community1'", String.class);
        long elsewhere = jdbc.queryForObject("select id from grid.unit where level = 'GRID' and valid_to is null"
                + " and path not like ? order by id limit 1", Long.class, communityPath + "%");
        // unknown (was 409 stale_version), outside the dispatcher's community, or not of the named level: 400
        for (String target : new String[] {"{\"level\":\"GRID\",\"unitId\":987654321}",
                "{\"level\":\"GRID\",\"unitId\":" + elsewhere + "}",
                "{\"level\":\"COMMUNITY\",\"unitId\":" + grid + "}"}) {
            act(community, id, "{\"action\":\"DISPATCH\",\"version\":1,\"target\":" + target + "}")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.fieldErrors[0].field").value("target"));
        }
        act(community, id, "{\"action\":\"DISPATCH\",\"version\":1,\"target\":{\"level\":\"GRID\",\"unitId\":"
                + grid + "}}").andExpect(status().isOk());
    }

    private static String target(String ids) {
        return "{\"action\":\"DISPATCH\",\"version\":1,\"target\":{\"level\":\"DEPARTMENT\"," + ids + "}}";
    }

    /** Sets the category's default department; returns the one it had. */
    private Long route(Long departmentId) {
        CategoryView category = categories.find(CATEGORY).orElseThrow();
        DataScopeContext.callAs(DataScope.SYSTEM,
                () -> categories.route(CATEGORY, departmentId, category.version(), "test"));
        return category.defaultDepartmentId();
    }

    /** A case grid1 files and community1 registers (version 1). */
    private long registeredCase(String description) throws Exception {
        String grid = DemoUsers.token(mvc, "grid1");
        long gridUnit = jdbc.queryForObject("select unit_id from app.user_account where username = 'grid1'",
                Long.class);
        String body = mvc.perform(post("/api/v1/cases").with(bearer(grid)).header("Idempotency-Key",
                        UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"gridUnitId\":" + gridUnit + ",\"categoryCode\":\"" + CATEGORY + "\","
                                + "\"nature\":\"HELP\",\"address\":\"书香新村3号楼\",\"description\":\""
                                + description + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = json.readTree(body).get("id").asLong();
        act(DemoUsers.token(mvc, "community1"), id, "{\"action\":\"REGISTER\",\"version\":0}")
                .andExpect(status().isOk());
        return id;
    }

    private ResultActions act(String token, long id, String body) throws Exception {
        return mvc.perform(post("/api/v1/cases/" + id + "/actions").with(bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private java.util.List<String> codes(String token, String url) throws Exception {
        JsonNode page = json.readTree(mvc.perform(get(url).with(bearer(token))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        java.util.List<String> codes = new java.util.ArrayList<>();
        page.get("items").forEach(item -> codes.add(item.get("code").asString()));
        return codes;
    }

    private String codeOf(long id) {
        return jdbc.queryForObject("select code from desk.case_file where id = ?", String.class, id);
    }
}
