package org.gridgov.demo;

import javax.sql.DataSource;

import org.gridgov.desk.WorkCalendar;
import org.gridgov.grid.FieldProtector;
import org.gridgov.grid.PlatformTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Loads the demo county named by {@code gridgov.demo} (env {@code GRIDGOV_DEMO}: {@code small} or {@code county};
 * empty = no demo) once the application has started. Does nothing when the hierarchy already has units, so restarts
 * keep the data. Declared by {@link DemoAutoConfiguration}.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DemoCountyLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCountyLoader.class);

    private final DataSource dataSource;
    private final FieldProtector protector;
    private final ObjectProvider<PasswordEncoder> passwordEncoder;
    private final DemoSize size;
    private final ObjectProvider<WorkCalendar> calendar;
    private final Integer cases;
    private final PlatformTime time;

    public DemoCountyLoader(DataSource dataSource, FieldProtector protector,
                            ObjectProvider<PasswordEncoder> passwordEncoder,
                            String demo, ObjectProvider<WorkCalendar> calendar, Integer cases, PlatformTime time) {
        this.calendar = calendar;
        this.time = time;
        this.cases = cases;
        this.dataSource = dataSource;
        this.protector = protector;
        this.passwordEncoder = passwordEncoder;
        // an unknown value stops the start-up with the accepted values, rather than running without demo data
        this.size = demo == null || demo.isBlank() ? null : DemoSize.parse(demo);
    }

    /** A year of cases (gridgov.demo.cases; default 600 for small, 200,000 for county) when the desk is empty. */
    private void loadCases() {
        WorkCalendar workCalendar = calendar.getIfAvailable();
        if (workCalendar == null) {
            return;
        }
        int count = cases != null ? cases : size == DemoSize.SMALL ? 600 : 200_000;
        long start = System.nanoTime();
        try {
            int loaded = new DemoCases(dataSource, workCalendar, time.zone()).load(count, time.now());
            if (loaded > 0) {
                log.info("Demo cases loaded: {} in {} ms", loaded, (System.nanoTime() - start) / 1_000_000);
            }
        }
        catch (java.sql.SQLException ex) {
            throw new IllegalStateException("could not load the demo cases", ex);
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        if (size == null) {
            return;
        }
        PasswordEncoder encoder = passwordEncoder.getIfAvailable(
                PasswordEncoderFactories::createDelegatingPasswordEncoder);
        log.info("Demo mode ({}): loading the demo county unless the database already has a hierarchy", size.label());
        LoadResult result = new DemoCountyGenerator(dataSource, protector, encoder).load(size, time.now());
        if (result.loaded()) {
            log.info("Demo county ({}) loaded: {}. Demo users admin, street1, community1, grid1, party1, dept1, "
                    + "sysadmin, secadmin, auditadmin; department handlers dept1 (城管局) … dept14, pcs/cgzd/sfs<n> per street "
                    + "(password {})", size.label(), result.summary(), DemoCountyGenerator.DEMO_PASSWORD);
        }
        else {
            log.info("Demo county ({}) not loaded, the database already has data: {}", size.label(),
                    result.summary());
        }
        loadCases();
        loadVisits();
    }

    /** Past household visits (see {@link DemoVisits}) when there are none yet. */
    private void loadVisits() {
        long start = System.nanoTime();
        try {
            int loaded = new DemoVisits(dataSource, time.zone()).load(time.now());
            if (loaded > 0) {
                log.info("Demo visits loaded: {} in {} ms", loaded, (System.nanoTime() - start) / 1_000_000);
            }
        }
        catch (java.sql.SQLException ex) {
            throw new IllegalStateException("could not load the demo visits", ex);
        }
    }
}
