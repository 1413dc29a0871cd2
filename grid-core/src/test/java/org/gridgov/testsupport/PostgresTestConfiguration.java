package org.gridgov.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Points the Spring context under test at this JVM's {@link TestDatabase} and gives it the movable
 * {@link TestClock}: every integration test context imports this.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(TestClockConfiguration.class)
public class PostgresTestConfiguration {

    @Bean
    DynamicPropertyRegistrar gridgovTestDatabase() {
        TestDatabase db = TestDatabase.get();
        return registry -> {
            registry.add("spring.datasource.url", db::url);
            registry.add("spring.datasource.username", db::username);
            registry.add("spring.datasource.password", db::password);
        };
    }
}
