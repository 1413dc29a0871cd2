package org.gridgov.web.support;

import java.time.ZoneId;

import org.gridgov.grid.PlatformTime;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Pages show instants in the platform's zone ({@code gridgov.time-zone}), not the server's: every page's model carries
 * it as {@code zone}, for {@code #temporals.format(x.atZone(zone), …)} in the templates.
 */
@ControllerAdvice(basePackages = "org.gridgov.web")
class PageTimeZone {

    private final PlatformTime time;

    PageTimeZone(PlatformTime time) {
        this.time = time;
    }

    @ModelAttribute("zone")
    ZoneId zone() {
        return time.zone();
    }
}
