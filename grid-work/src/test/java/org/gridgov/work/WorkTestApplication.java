package org.gridgov.work;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * The Spring Boot configuration grid-work's integration tests start: this module's beans and those of the modules
 * it builds on (grid-core's hierarchy, service-desk's cases, party-org's members), no web layer.
 */
@SpringBootApplication(scanBasePackages = {"org.gridgov.grid", "org.gridgov.party", "org.gridgov.desk",
        "org.gridgov.work"})
@EntityScan({"org.gridgov.grid", "org.gridgov.party", "org.gridgov.desk", "org.gridgov.work"})
@EnableJpaRepositories({"org.gridgov.grid", "org.gridgov.party", "org.gridgov.desk", "org.gridgov.work"})
public class WorkTestApplication {
}
