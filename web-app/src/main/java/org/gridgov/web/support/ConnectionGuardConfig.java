package org.gridgov.web.support;

import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.gridgov.grid.BackgroundLoad;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Wraps the application's DataSource in the {@link SingleConnectionGuard} and starts it once the app is ready and a
 * background load, if any, is done.
 */
@Configuration(proxyBeanMethods = false)
class ConnectionGuardConfig {

    @Bean
    static BeanPostProcessor singleConnectionGuard(Environment environment) {
        SingleConnectionGuard.Mode mode = SingleConnectionGuard.Mode.parse(
                environment.getProperty("gridgov.db.connection-guard"));
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (mode == SingleConnectionGuard.Mode.OFF || !(bean instanceof DataSource pool)
                        || bean instanceof SingleConnectionGuard) {
                    return bean;
                }
                return new SingleConnectionGuard(pool, mode);
            }
        };
    }

    /** The demo county loading in the background counts as start-up: watched once it is in. */
    @Bean
    static ApplicationListener<ApplicationReadyEvent> connectionGuardWatch() {
        return event -> {
            BackgroundLoad load = event.getApplicationContext().getBeanProvider(BackgroundLoad.class).getIfAvailable();
            BooleanSupplier settled = load == null ? () -> true
                    : () -> load.progress().status() != BackgroundLoad.Status.LOADING;
            event.getApplicationContext().getBeanProvider(DataSource.class).stream()
                    .filter(SingleConnectionGuard.class::isInstance)
                    .forEach(guard -> ((SingleConnectionGuard) guard).watch(settled));
        };
    }
}
