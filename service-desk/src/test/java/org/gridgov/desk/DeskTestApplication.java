package org.gridgov.desk;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * The Spring Boot configuration service-desk's integration tests start: this module's beans and those of grid-core
 * it builds on (the hierarchy that cases belong to).
 */
@SpringBootApplication(scanBasePackages = {"org.gridgov.grid", "org.gridgov.desk"})
@EntityScan({"org.gridgov.grid", "org.gridgov.desk"})
@EnableJpaRepositories({"org.gridgov.grid", "org.gridgov.desk"})
public class DeskTestApplication {
}
