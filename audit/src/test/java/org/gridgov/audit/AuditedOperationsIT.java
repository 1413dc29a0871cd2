package org.gridgov.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.gridgov.grid.AuditSubject;
import org.gridgov.grid.Audited;
import org.gridgov.testsupport.PostgresTestConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An operation marked {@link Audited} on a module's API interface is audited around its implementation, named from
 * its parameters or, when it creates its object, from what it returns; calls outside a request are not audited.
 */
@SpringBootTest(classes = AuditTestApplication.class)
@Import({PostgresTestConfiguration.class, AuditedOperationsIT.Sample.class})
class AuditedOperationsIT {

    /** A module's command and view as the audit log sees them. */
    record Command(String kind) implements AuditSubject {
        @Override
        public String auditDetail() {
            return kind;
        }
    }

    record Created(long id, String code) implements AuditSubject {
        @Override
        public String auditName() {
            return id + " " + code;
        }
    }

    /** A module's API, marked as the domain modules mark theirs. */
    interface Parcels {

        @Audited(action = "CASE_REPORT", object = "parcel")
        Created file(String code);

        @Audited(action = "CASE_ACTION", object = "parcel", idParam = 0, detailParam = 1)
        String act(long id, Command command);

        String look(long id);
    }

    static class ParcelService implements Parcels {

        @Override
        public Created file(String code) {
            return new Created(42, code);
        }

        @Override
        public String act(long id, Command command) {
            if (command.kind().equals("REFUSE")) {
                throw new SecurityException("not yours");
            }
            if (command.kind().equals("BREAK")) {
                throw new IllegalStateException("broken");
            }
            return "done";
        }

        @Override
        public String look(long id) {
            return "seen";
        }
    }

    /** A request of user {@code clerk} from 10.7.0.1 while {@code inRequest}; a SecurityException is a refusal. */
    static class SwitchedContext implements AuditContext {

        volatile boolean inRequest = true;

        @Override
        public boolean inRequest() {
            return inRequest;
        }

        @Override
        public String user() {
            return "clerk";
        }

        @Override
        public String clientIp() {
            return "10.7.0.1";
        }

        @Override
        public boolean refused(Throwable failure) {
            return failure instanceof SecurityException;
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Sample {

        @Bean
        Parcels parcels() {
            return new ParcelService();
        }

        @Bean
        SwitchedContext auditContext() {
            return new SwitchedContext();
        }
    }

    @Autowired
    Parcels parcels;
    @Autowired
    SwitchedContext context;
    @Autowired
    AuditChain chain;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void backInARequest() {
        context.inRequest = true;
    }

    List<String> rows() {
        chain.seal();
        return jdbc.queryForList("select action || ' ' || object || ' ' || result || ' ' || coalesce(detail, '-')"
                + " || ' ' || username || ' ' || client_ip from app.audit_event where object like 'parcel:%'"
                + " order by seq", String.class);
    }

    @Test
    void marksAreAuditedByTheirParametersAndACreationByWhatItReturns() {
        int before = rows().size();
        assertThat(parcels.file("P-1")).isEqualTo(new Created(42, "P-1"));
        parcels.act(7, new Command("MOVE"));
        assertThatThrownBy(() -> parcels.act(8, new Command("REFUSE"))).isInstanceOf(SecurityException.class);
        assertThatThrownBy(() -> parcels.act(9, new Command("BREAK"))).isInstanceOf(IllegalStateException.class);
        parcels.look(7);

        assertThat(rows().subList(before, before + 4)).containsExactly(
                "CASE_REPORT parcel:42 P-1 SUCCESS - clerk 10.7.0.1",
                "CASE_ACTION parcel:7 SUCCESS MOVE clerk 10.7.0.1",
                "CASE_ACTION parcel:8 REFUSED REFUSE SecurityException clerk 10.7.0.1",
                "CASE_ACTION parcel:9 FAILURE BREAK IllegalStateException clerk 10.7.0.1");
        assertThat(rows()).hasSize(before + 4);
    }

    @Test
    void callsOutsideARequestAreNotAudited() {
        int before = rows().size();
        context.inRequest = false;
        parcels.act(10, new Command("MOVE"));
        assertThat(rows()).hasSize(before);
    }
}
