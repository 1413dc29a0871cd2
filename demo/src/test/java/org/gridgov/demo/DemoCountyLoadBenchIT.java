package org.gridgov.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Locale;

import org.gridgov.grid.FieldProtector;
import org.gridgov.grid.UnitLevel;
import org.gridgov.testsupport.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * Benchmark, skipped unless {@code -Dgridgov.bench=county} (or {@code small}): loads that size into a fresh database
 * on this JVM's test server ({@code GRIDGOV_TEST_JDBC_URL}, else 127.0.0.1:5432, …) and prints counts and seconds.
 * Run it with {@code bench/demo-load/run.sh}.
 */
@EnabledIfSystemProperty(named = "gridgov.bench", matches = "(?i)small|county")
class DemoCountyLoadBenchIT {

    @Test
    void loadIntoAFreshDatabase() {
        DemoSize size = DemoSize.parse(System.getProperty("gridgov.bench"));
        byte[] key = new byte[16];
        byte[] hashKey = new byte[32];
        new SecureRandom().nextBytes(key);
        new SecureRandom().nextBytes(hashKey);
        try (ScratchDatabase db = ScratchDatabase.createMigrated("gridgov_bench")) {
            DemoCountyGenerator generator = new DemoCountyGenerator(db.dataSource(), FieldProtector.sm4(key, hashKey),
                    PasswordEncoderFactories.createDelegatingPasswordEncoder());
            LoadResult result = generator.load(size, new TestClock().instant());
            System.out.println("[demo-bench] size=" + size.label() + " cores=" + Runtime.getRuntime().availableProcessors()
                    + " database=" + db.url());
            System.out.println("[demo-bench] " + result.summary());
            System.out.println(String.format(Locale.ROOT, "[demo-bench] load time: %.1f s", result.elapsedMillis() / 1000.0));
            assertThat(result.loaded()).isTrue();
            if (size == DemoSize.COUNTY) {
                assertThat(result.units(UnitLevel.STREET)).isEqualTo(10);
                assertThat(result.households()).isBetween(75_000L, 85_000L);
                assertThat(result.residents()).isBetween(225_000L, 255_000L);
                assertThat(result.elapsedMillis()).as("county loads in well under two minutes").isLessThan(120_000);
            }
        }
    }
}
