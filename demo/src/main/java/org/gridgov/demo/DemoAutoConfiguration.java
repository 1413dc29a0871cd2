package org.gridgov.demo;

import javax.sql.DataSource;

import org.gridgov.desk.WorkCalendar;
import org.gridgov.grid.FieldProtector;
import org.gridgov.grid.PlatformTime;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Switches the demo county on for whatever application has this module on its classpath: registered in
 * {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}, so that no production
 * class names the demo (web-app takes this module at runtime scope only). The embedded PostgreSQL comes in the same
 * way, as an EnvironmentPostProcessor in {@code META-INF/spring.factories}. The web layer sees the load's progress as
 * a {@link org.gridgov.grid.BackgroundLoad}.
 */
@AutoConfiguration
public class DemoAutoConfiguration {

    @Bean
    DemoLoadProgress demoLoadProgress() {
        return new DemoLoadProgress();
    }

    @Bean
    DemoCountyLoader demoCountyLoader(DataSource dataSource, FieldProtector protector,
                                      ObjectProvider<PasswordEncoder> passwordEncoder,
                                      @Value("${gridgov.demo:}") String demo, ObjectProvider<WorkCalendar> calendar,
                                      @Value("${gridgov.demo.cases:#{null}}") Integer cases, PlatformTime time,
                                      @Value("${gridgov.demo.background:true}") boolean background,
                                      DemoLoadProgress progress, ObjectProvider<DemoLoadGate> gate) {
        return new DemoCountyLoader(dataSource, protector, passwordEncoder, demo, calendar, cases, time, background,
                progress, gate.getIfAvailable(() -> phase -> { }));
    }
}
