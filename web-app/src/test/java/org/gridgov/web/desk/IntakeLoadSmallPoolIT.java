package org.gridgov.web.desk;

import org.gridgov.GridGovApplication;
import org.gridgov.web.IsolatedDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

/** {@link IntakeLoad} with a pool of 4 connections for 64 clients: they wait their turn, none waits forever. */
@SpringBootTest(classes = GridGovApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gridgov.demo=small", "gridgov.security.rate-limit.login-per-ip=0",
                "gridgov.security.rate-limit.login-per-user=0", "gridgov.security.rate-limit.intake-per-user=0",
                "spring.datasource.hikari.maximum-pool-size=4"})
@Import(IsolatedDatabase.class)
@DirtiesContext // its pool and its database are of no use to the next test class
class IntakeLoadSmallPoolIT extends IntakeLoad {
}
