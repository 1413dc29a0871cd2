package org.gridgov.grid.internal;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;

import org.gridgov.grid.PlatformTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/**
 * The application's clock and {@link PlatformTime}, the one place that reads the system clock and turns
 * {@code gridgov.time-zone} into a zone. Tests replace the clock (a primary bean), never the zone logic.
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:org/gridgov/grid/platform-time.properties")
class PlatformTimeConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PlatformTime platformTime(Clock clock, @Value("${gridgov.time-zone}") String zone) {
        try {
            return new PlatformTime(clock, ZoneId.of(zone.trim()));
        }
        catch (DateTimeException ex) {
            throw new IllegalStateException("gridgov.time-zone: not a time zone: '" + zone + "'", ex);
        }
    }
}
