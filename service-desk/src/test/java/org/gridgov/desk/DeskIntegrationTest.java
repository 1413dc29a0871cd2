package org.gridgov.desk;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.gridgov.testsupport.PostgresTestConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** A full service-desk context on this JVM's PostgreSQL, migrated by Flyway (seeded catalog and calendar). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = DeskTestApplication.class)
@Import(PostgresTestConfiguration.class)
public @interface DeskIntegrationTest {
}
