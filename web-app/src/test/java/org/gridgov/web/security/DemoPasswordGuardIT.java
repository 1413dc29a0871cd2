package org.gridgov.web.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;

import org.flywaydb.core.Flyway;
import org.gridgov.demo.DemoCountyGenerator;
import org.gridgov.demo.DemoSize;
import org.gridgov.grid.FieldProtector;
import org.gridgov.testsupport.TestClock;
import org.gridgov.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * The guard on a database of its own holding the small demo county (loaded by the demo module, which is on the test
 * classpath only): outside demo mode the start is refused, in demo mode it goes on.
 */
class DemoPasswordGuardIT {

    @Test
    void theGuardRefusesToStartOutsideDemoModeWhileDemoPasswordsExist() {
        TestDatabase db = TestDatabase.get().isolated();
        Flyway.configure().dataSource(db.url(), db.username(), db.password())
                .locations("classpath:db/migration").load().migrate();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(db.url());
        dataSource.setUser(db.username());
        dataSource.setPassword(db.password());
        byte[] key = new byte[16];
        byte[] hashKey = new byte[32];
        new SecureRandom().nextBytes(key);
        new SecureRandom().nextBytes(hashKey);
        new DemoCountyGenerator(dataSource, FieldProtector.sm4(key, hashKey),
                PasswordEncoderFactories.createDelegatingPasswordEncoder())
                .load(DemoSize.SMALL, new TestClock().instant());

        assertThatThrownBy(() -> new DemoPasswordGuard(dataSource, "").afterSingletonsInstantiated())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("admin").hasMessageContaining("GRIDGOV_DEMO");
        new DemoPasswordGuard(dataSource, "small").afterSingletonsInstantiated();
    }
}
