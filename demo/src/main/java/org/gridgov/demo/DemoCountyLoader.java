package org.gridgov.demo;

import javax.sql.DataSource;

import org.gridgov.desk.WorkCalendar;
import org.gridgov.grid.FieldProtector;
import org.gridgov.grid.PlatformTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
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
 * <p>
 * In the background ({@code gridgov.demo.background}, on by default): the server answers at once, the web layer shows
 * the {@link DemoLoadProgress} until the load is done, and a failure is logged and kept there for every visitor to
 * see. Without it (the tests) the load runs in the runner, before the application counts as ready.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DemoCountyLoader implements ApplicationRunner, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DemoCountyLoader.class);

    private final DataSource dataSource;
    private final FieldProtector protector;
    private final ObjectProvider<PasswordEncoder> passwordEncoder;
    private final DemoSize size;
    private final ObjectProvider<WorkCalendar> calendar;
    private final Integer cases;
    private final PlatformTime time;
    private final boolean background;
    private final DemoLoadProgress progress;
    private final DemoLoadGate gate;
    private volatile Thread loading;

    /** Loads in the caller's thread, without a gate. */
    public DemoCountyLoader(DataSource dataSource, FieldProtector protector,
                            ObjectProvider<PasswordEncoder> passwordEncoder,
                            String demo, ObjectProvider<WorkCalendar> calendar, Integer cases, PlatformTime time) {
        this(dataSource, protector, passwordEncoder, demo, calendar, cases, time, false, new DemoLoadProgress(),
                phase -> { });
    }

    DemoCountyLoader(DataSource dataSource, FieldProtector protector, ObjectProvider<PasswordEncoder> passwordEncoder,
                     String demo, ObjectProvider<WorkCalendar> calendar, Integer cases, PlatformTime time,
                     boolean background, DemoLoadProgress progress, DemoLoadGate gate) {
        this.calendar = calendar;
        this.time = time;
        this.cases = cases;
        this.dataSource = dataSource;
        this.protector = protector;
        this.passwordEncoder = passwordEncoder;
        this.background = background;
        this.progress = progress;
        this.gate = gate;
        // an unknown value stops the start-up with the accepted values, rather than running without demo data
        this.size = demo == null || demo.isBlank() ? null : DemoSize.parse(demo);
        if (size == null) {
            progress.done();
        }
    }

    DemoLoadProgress progress() {
        return progress;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (size == null) {
            return;
        }
        if (!background) {
            load();
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                load();
            }
            catch (RuntimeException | Error ex) {
                // the server stays up to say so: on the progress page, in the health endpoint and here
                log.error("Loading the demo county ({}) failed in phase {}; the application answers with the failure "
                        + "until it is restarted", size.label(), progress.progress().phase(), ex);
            }
        }, "demo-county-load");
        thread.setDaemon(true);
        loading = thread;
        thread.start();
        log.info("Demo mode ({}): the demo county loads in the background; pages show its progress until it is in",
                size.label());
    }

    /** Everything, in order; the progress ends DONE or FAILED. */
    private void load() {
        try {
            enter("database", 0);
            PasswordEncoder encoder = passwordEncoder.getIfAvailable(
                    PasswordEncoderFactories::createDelegatingPasswordEncoder);
            log.info("Demo mode ({}): loading the demo county unless the database already has a hierarchy",
                    size.label());
            LoadResult result = new DemoCountyGenerator(dataSource, protector, encoder, progress).load(size, time.now());
            progress.usersReady();
            if (result.loaded()) {
                log.info("Demo county ({}) loaded: {}. Demo users admin, street1, community1, grid1, party1, dept1, "
                        + "sysadmin, secadmin, auditadmin; department handlers dept1 (城管局) … dept14, pcs/cgzd/sfs<n> "
                        + "per street (password {})", size.label(), result.summary(), DemoCountyGenerator.DEMO_PASSWORD);
            }
            else {
                log.info("Demo county ({}) not loaded, the database already has data: {}", size.label(),
                        result.summary());
            }
            loadCases();
            loadVisits();
            progress.done();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            progress.failed(ex);
            throw new IllegalStateException("the demo load was interrupted", ex);
        }
        catch (RuntimeException | Error ex) {
            progress.failed(ex);
            throw ex;
        }
    }

    private void enter(String phase, long rows) throws InterruptedException {
        progress.phase(phase, rows);
        gate.enter(phase);
    }

    /** A year of cases (gridgov.demo.cases; default 600 for small, 200,000 for county) when the desk is empty. */
    private void loadCases() throws InterruptedException {
        WorkCalendar workCalendar = calendar.getIfAvailable();
        if (workCalendar == null) {
            return;
        }
        int count = cases != null ? cases : size == DemoSize.SMALL ? 600 : 200_000;
        enter("cases", count);
        long start = System.nanoTime();
        try {
            int loaded = new DemoCases(dataSource, workCalendar, time.zone(), progress).load(count, time.now());
            if (loaded > 0) {
                log.info("Demo cases loaded: {} in {} ms", loaded, (System.nanoTime() - start) / 1_000_000);
            }
        }
        catch (java.sql.SQLException ex) {
            throw new IllegalStateException("could not load the demo cases", ex);
        }
    }

    /** Past household visits (see {@link DemoVisits}) when there are none yet. */
    private void loadVisits() throws InterruptedException {
        enter("visits", 0);
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

    /** A load still running when the application stops is interrupted; its open transaction rolls back. */
    @Override
    public void destroy() {
        Thread thread = loading;
        if (thread != null && thread.isAlive()) {
            thread.interrupt();
        }
    }
}
