package org.gridgov.web.loading;

import org.gridgov.grid.BackgroundLoad;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The background load in {@code /actuator/health} (component {@code loading}): OUT_OF_SERVICE while it writes (so
 * the endpoint answers 503 and a load balancer or {@code docker compose} waits), DOWN when it failed, UP when done or
 * when there is none. The details (phase, counts, failure) show where details are shown.
 */
@Component("loading")
class LoadingHealthIndicator implements HealthIndicator {

    private final LoadingGate gate;

    LoadingHealthIndicator(LoadingGate gate) {
        this.gate = gate;
    }

    @Override
    public Health health() {
        BackgroundLoad.Progress progress = gate.current();
        if (progress == null || progress.status() == BackgroundLoad.Status.DONE) {
            return Health.up().build();
        }
        if (progress.failed()) {
            return Health.down().withDetail("failure", progress.failure()).build();
        }
        return Health.outOfService().withDetail("phase", progress.phase())
                .withDetail("step", progress.step() + "/" + progress.steps())
                .withDetail("done", progress.done()).withDetail("total", progress.total()).build();
    }
}
