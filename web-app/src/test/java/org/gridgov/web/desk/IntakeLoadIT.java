package org.gridgov.web.desk;

import org.gridgov.GridGovApplication;
import org.gridgov.web.IsolatedDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

/** {@link IntakeLoad} with the pool at its default size (10 connections) and rate limits off. */
@SpringBootTest(classes = GridGovApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gridgov.demo=small", "gridgov.security.rate-limit.login-per-ip=0",
                "gridgov.security.rate-limit.login-per-user=0", "gridgov.security.rate-limit.intake-per-user=0"})
@Import(IsolatedDatabase.class)
@DirtiesContext // its pool and its database are of no use to the next test class
class IntakeLoadIT extends IntakeLoad {
}
