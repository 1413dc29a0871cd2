package org.gridgov.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Puts a {@link TestClock} in front of the application's clock: every bean that asks for {@code Clock} (and so
 * {@code PlatformTime}) gets it. Imported by {@link PostgresTestConfiguration}, so every integration test context has
 * one; a test moves it by autowiring {@code TestClock}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }
}
