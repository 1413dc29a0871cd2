package org.gridgov.web;

import org.gridgov.testsupport.TestClockConfiguration;
import org.gridgov.testsupport.TestDatabase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * A context of its own database, so that thousands of load-test cases stay out of the other tests' figures; with
 * the test clock like every other context.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(TestClockConfiguration.class)
public class IsolatedDatabase {

    @Bean
    DynamicPropertyRegistrar isolatedTestDatabase() {
        TestDatabase db = TestDatabase.get().isolated();
        return registry -> {
            registry.add("spring.datasource.url", db::url);
            registry.add("spring.datasource.username", db::username);
            registry.add("spring.datasource.password", db::password);
        };
    }
}
