package org.gridgov.accounts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.gridgov.testsupport.PostgresTestConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** An accounts context on this JVM's PostgreSQL, migrated by Flyway. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = AccountsTestApplication.class)
@Import(PostgresTestConfiguration.class)
public @interface AccountsIntegrationTest {
}
