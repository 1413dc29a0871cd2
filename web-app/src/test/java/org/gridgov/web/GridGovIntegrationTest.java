package org.gridgov.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.gridgov.GridGovApplication;
import org.gridgov.testsupport.PostgresTestConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The whole application on this JVM's PostgreSQL with the small demo county, driven through MockMvc; rate limits
 * raised out of the way.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = GridGovApplication.class, properties = {"gridgov.demo=small",
        // the suite signs in as the demo users hundreds of times from one address; SecurityIT tests the real limits
        "gridgov.security.rate-limit.login-per-ip=100000", "gridgov.security.rate-limit.login-per-user=100000",
        "gridgov.security.rate-limit.intake-per-user=100000"})
@AutoConfigureMockMvc
@Import(PostgresTestConfiguration.class)
public @interface GridGovIntegrationTest {
}
