package org.gridgov.web.grid.residents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.testsupport.DemoUsers.as;
import static org.gridgov.web.testsupport.DemoUsers.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

import org.gridgov.grid.FieldProtector;
import org.gridgov.grid.IdNumbers;
import org.gridgov.grid.PlatformTime;
import org.gridgov.testsupport.TestClock;
import org.gridgov.web.GridGovIntegrationTest;
import org.gridgov.web.testsupport.DemoUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A curious grid worker tries to rebuild a resident's full ID number and phone from what they may see (the masks,
 * the age, the gender, the county code in every unit code) and to confirm a guess with the exact look-up. Neither
 * may succeed: the masks leave thousands of candidates, and the look-ups stop at 5 a minute and 40 a day, each one
 * audited.
 */
@GridGovIntegrationTest
class MaskReconstructionIT {

    static final int PER_MINUTE = 5;
    static final int PER_DAY = 40;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FieldProtector protector;
    @Autowired
    PlatformTime time;
    @Autowired
    TestClock clock;

    final JsonMapper json = JsonMapper.builder().build();

    /** A resident of grid1's grid born in the county, with a phone: the ID and phone as stored (decrypted). */
    record Target(long id, String idNumber, String phone) {
    }

    @BeforeEach
    void forgetEarlierLookUps() {
        jdbc.update("delete from grid.resident_lookup where caller = 'grid1'");
    }

    Target target(String countyCode) {
        String gridPath = jdbc.queryForObject("select u.path from app.user_account a join grid.unit u"
                + " on u.id = a.unit_id where a.username = 'grid1'", String.class);
        return jdbc.query("select r.id, r.id_number_cipher, r.phone_cipher from grid.resident r join grid.household h"
                        + " on h.id = r.household_id where h.unit_path like ? and r.phone_cipher is not null"
                        + " order by r.id", (rs, i) -> new Target(rs.getLong(1), protector.decrypt(rs.getBytes(2)),
                        protector.decrypt(rs.getBytes(3))), gridPath + "%")
                .stream().filter(t -> t.idNumber().startsWith(countyCode)).findFirst().orElseThrow();
    }

    JsonNode getJson(String token, String url) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(url).with(bearer(token))).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return json.readTree(response.getContentAsString());
    }

    /** Every 18-character ID number that fits what grid1 sees of a resident. */
    static List<String> candidates(String countyCode, int age, boolean male, String masked, LocalDate today) {
        List<String> fits = new ArrayList<>();
        String first2 = masked.substring(0, 2);
        String last2 = masked.substring(masked.length() - 2);
        if (!countyCode.startsWith(first2)) {
            return fits;
        }
        // born between the day after (today - age - 1 years) and (today - age years)
        LocalDate earliest = today.minusYears(age + 1L).plusDays(1);
        LocalDate latest = today.minusYears(age);
        for (LocalDate day = earliest; !day.isAfter(latest); day = day.plusDays(1)) {
            String prefix = countyCode + String.format("%04d%02d%02d", day.getYear(), day.getMonthValue(),
                    day.getDayOfMonth());
            for (int sequence = 0; sequence < 1000; sequence++) {
                if ((sequence % 2 == 1) != male) {
                    continue;
                }
                String first17 = prefix + String.format("%03d", sequence);
                String id = first17 + IdNumbers.checkCharacter(first17);
                if (id.endsWith(last2)) {
                    fits.add(id);
                }
            }
        }
        return fits;
    }

    long auditRows(String detailLike) {
        return jdbc.queryForObject("select count(*) from (select username, action, detail from app.audit_outbox"
                + " union all select username, action, detail from app.audit_event) e where e.username = 'grid1'"
                + " and e.action = 'RESIDENT_LOOKUP' and e.detail like ?", Long.class, detailLike);
    }

    /**
     * Tries the candidates in order through the exact search, as the attacker would, until refused; moving the clock
     * a minute after each refusal until the day's look-ups are spent. Returns how many were answered.
     */
    int tryCandidates(String token, List<String> candidates, String realValue, boolean[] confirmed)
            throws Exception {
        int answered = 0;
        int refusedInARow = 0;
        for (String candidate : candidates) {
            MockHttpServletResponse response = mvc.perform(get("/api/v1/residents").param("q", candidate)
                    .with(bearer(token))).andReturn().getResponse();
            if (response.getStatus() == 429) {
                assertThat(response.getHeader("Retry-After")).as("a refusal says when to come back").isNotBlank();
                assertThat(json.readTree(response.getContentAsString()).get("error").asString())
                        .isEqualTo("too_many_lookups");
                if (++refusedInARow > 1) {
                    return answered; // refused again after a minute: the day's look-ups are spent
                }
                clock.advance(Duration.ofSeconds(61));
                continue;
            }
            assertThat(response.getStatus()).isEqualTo(200);
            refusedInARow = 0;
            answered++;
            long total = json.readTree(response.getContentAsString()).get("total").asLong();
            assertThat(total).as("found exactly when the candidate is the real number")
                    .isEqualTo(candidate.equals(realValue) ? 1 : 0);
            confirmed[0] |= total > 0;
            if (answered % PER_MINUTE == 0) {
                // the sixth look-up of the same minute is refused
                MockHttpServletResponse sixth = mvc.perform(get("/api/v1/residents").param("q", candidate)
                        .with(bearer(token))).andReturn().getResponse();
                assertThat(sixth.getStatus()).as("look-up %d within the minute", PER_MINUTE + 1).isEqualTo(429);
                clock.advance(Duration.ofSeconds(61));
            }
        }
        return answered;
    }

    @Test
    void theIdNumberCannotBeRebuiltFromTheMaskTheAgeAndTheCountyCode() throws Exception {
        String token = DemoUsers.token(mvc, "grid1");
        String countyCode = getJson(token, "/api/v1/units/root").get("code").asString().substring(0, 6);
        Target target = target(countyCode);
        JsonNode seen = getJson(token, "/api/v1/residents/" + target.id());
        assertThat(seen.has("birthDate")).as("the birth date is not shown, only the age").isFalse();
        assertThat(seen.toString()).doesNotContain(target.idNumber().substring(6, 14));
        String masked = seen.get("idNumberMasked").asString();
        LocalDate today = time.today();
        int age = seen.get("age").asInt();
        assertThat(age).isEqualTo(Period.between(IdNumbers.birthDate(target.idNumber()).orElseThrow(), today)
                .getYears());

        List<String> candidates = candidates(countyCode, age, "MALE".equals(seen.get("gender").asString()), masked,
                today);
        assertThat(candidates).as("the attacker's model is right: the real number fits what is shown")
                .contains(target.idNumber());
        assertThat(candidates.size()).as("numbers that fit the masked one: a day's look-ups try under 2% of them")
                .isGreaterThanOrEqualTo(50 * PER_DAY);

        long auditedBefore = auditRows("ID_NUMBER%");
        long notFoundBefore = auditRows("ID_NUMBER 41%not found");
        boolean[] confirmed = {false};
        int answered = tryCandidates(token, candidates, target.idNumber(), confirmed);
        assertThat(answered).as("answered look-ups in a day").isEqualTo(PER_DAY);
        assertThat(confirmed[0]).as("the real number among the day's tries").isEqualTo(
                candidates.subList(0, PER_DAY).contains(target.idNumber()));
        assertThat(auditRows("ID_NUMBER%") - auditedBefore).as("every answered and refused look-up audited")
                .isGreaterThan(PER_DAY);
        assertThat(auditRows("ID_NUMBER 41%not found") - notFoundBefore)
                .isEqualTo(PER_DAY - (confirmed[0] ? 1 : 0));
        assertThat(jdbc.queryForObject("select count(*) from (select detail from app.audit_outbox union all"
                + " select detail from app.audit_event) e where e.detail like ?", Long.class,
                "%" + target.idNumber().substring(6, 14) + "%")).as("the audit never holds the number").isZero();
    }

    @Test
    void aPhoneCannotBeConfirmedByTryingTheMiddleDigits() throws Exception {
        String token = DemoUsers.token(mvc, "grid1");
        String countyCode = getJson(token, "/api/v1/units/root").get("code").asString().substring(0, 6);
        Target target = target(countyCode);
        String masked = getJson(token, "/api/v1/residents/" + target.id()).get("phoneMasked").asString();
        assertThat(masked).matches("1[3-9][0-9]\\*{4}[0-9]{4}");
        List<String> candidates = new ArrayList<>();
        for (int middle = 0; middle < 10_000; middle++) {
            candidates.add(masked.substring(0, 3) + String.format("%04d", middle) + masked.substring(7));
        }
        assertThat(candidates).contains(target.phone());

        long auditedBefore = auditRows("PHONE " + masked + " %found%");
        boolean[] confirmed = {false};
        int answered = tryCandidates(token, candidates, target.phone(), confirmed);
        assertThat(answered).isEqualTo(PER_DAY);
        assertThat(confirmed[0]).isEqualTo(candidates.subList(0, PER_DAY).contains(target.phone()));
        assertThat(auditRows("PHONE " + masked + " %found%") - auditedBefore).as("answered look-ups audited")
                .isEqualTo(PER_DAY);

        // a new day: the look-ups come back
        clock.advance(Duration.ofDays(1));
        String tomorrow = DemoUsers.token(mvc, "grid1");
        assertThat(mvc.perform(get("/api/v1/residents").param("q", target.phone()).with(bearer(tomorrow)))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void sixteenLookUpsAtOnceAreCountedOneByOne() throws Exception {
        String token = DemoUsers.token(mvc, "grid1");
        String countyCode = getJson(token, "/api/v1/units/root").get("code").asString().substring(0, 6);
        Target target = target(countyCode);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            List<java.util.concurrent.Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                statuses.add(pool.submit(() -> mvc.perform(get("/api/v1/residents").param("q", target.phone())
                        .with(bearer(token))).andReturn().getResponse().getStatus()));
            }
            List<Integer> answers = new ArrayList<>();
            for (java.util.concurrent.Future<Integer> status : statuses) {
                answers.add(status.get());
            }
            assertThat(answers).filteredOn(s -> s == 200).hasSize(PER_MINUTE);
            assertThat(answers).filteredOn(s -> s == 429).hasSize(16 - PER_MINUTE);
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from grid.resident_lookup where caller = 'grid1'",
                Long.class)).isEqualTo(PER_MINUTE);
    }

    @Test
    void theHouseholdPageShowsTheAgeAndNoBirthDate() throws Exception {
        String token = DemoUsers.token(mvc, "grid1");
        String countyCode = getJson(token, "/api/v1/units/root").get("code").asString().substring(0, 6);
        Target target = target(countyCode);
        long household = jdbc.queryForObject("select household_id from grid.resident where id = ?", Long.class,
                target.id());
        MockHttpServletResponse shown = mvc.perform(get("/households/" + household).with(as("grid1"))).andReturn()
                .getResponse();
        assertThat(shown.getStatus()).isEqualTo(200);
        String page = shown.getContentAsString();
        LocalDate birth = IdNumbers.birthDate(target.idNumber()).orElseThrow();
        assertThat(page).contains("年龄").doesNotContain(birth.toString())
                .doesNotContain(target.idNumber().substring(6, 14)).doesNotContain(target.phone());
        MockHttpServletResponse form = mvc.perform(get("/residents/" + target.id() + "/edit").with(as("grid1")))
                .andReturn().getResponse();
        assertThat(form.getStatus()).isEqualTo(200);
        assertThat(form.getContentAsString()).doesNotContain(birth.toString());
    }
}
