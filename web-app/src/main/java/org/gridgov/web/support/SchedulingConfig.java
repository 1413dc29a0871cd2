package org.gridgov.web.support;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the @Scheduled jobs: overdue cases, expired API tokens and idempotency keys. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfig {
}
