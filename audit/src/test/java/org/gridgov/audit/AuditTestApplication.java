package org.gridgov.audit;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * The Spring Boot configuration the audit module's integration tests start: this module's beans and those of
 * grid-core it builds on (the platform's time and the derived keys of the chain).
 */
@SpringBootApplication(scanBasePackages = {"org.gridgov.grid", "org.gridgov.audit"})
@EntityScan("org.gridgov.grid")
@EnableJpaRepositories("org.gridgov.grid")
public class AuditTestApplication {
}
