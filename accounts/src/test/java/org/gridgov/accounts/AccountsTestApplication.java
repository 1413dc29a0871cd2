package org.gridgov.accounts;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gridgov.grid.GridPermission;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * The Spring Boot configuration the accounts module's integration tests start: this module's beans, those of
 * grid-core it builds on (the units accounts are bound to), and what the application would provide: the permissions
 * of the modules (here grid-core's only) and an audit trail that keeps its events in memory.
 */
@SpringBootApplication(scanBasePackages = {"org.gridgov.grid", "org.gridgov.accounts"})
@EntityScan("org.gridgov.grid")
@EnableJpaRepositories("org.gridgov.grid")
public class AccountsTestApplication {

    @Bean
    PermissionCatalog permissionCatalog() {
        return PermissionCatalog.of(GridPermission.class);
    }

    @Bean
    RecordedAudit recordedAudit() {
        return new RecordedAudit();
    }

    /** The events the account rules wrote, in order. */
    public static final class RecordedAudit implements AccountAudit {

        public record Entry(String username, Event event, String object, Outcome outcome, String detail) {
        }

        public final List<Entry> entries = new CopyOnWriteArrayList<>();

        @Override
        public void record(String username, Event event, String object, Outcome outcome, String clientIp,
                           String detail) {
            entries.add(new Entry(username, event, object, outcome, detail));
        }

        @Override
        public void recordFromRequest(String username, Event event, String object, Outcome outcome, String detail) {
            entries.add(new Entry(username, event, object, outcome, detail));
        }
    }
}
