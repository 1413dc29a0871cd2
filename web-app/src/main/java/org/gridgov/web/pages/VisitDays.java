package org.gridgov.web.pages;

import java.time.ZoneId;
import java.time.ZoneOffset;

import org.gridgov.web.security.DeskRoles;
import org.gridgov.web.security.GridGovUser;
import org.gridgov.work.Visitor;

/** What the visit pages and API share: the zone visit times are entered in, and the user as a visitor. */
public final class VisitDays {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final ZoneOffset OFFSET = ZoneOffset.ofHours(8);

    private VisitDays() {
    }

    public static Visitor visitor(GridGovUser user) {
        return new Visitor(user.id(), user.displayName(), DeskRoles.actor(user).orElse(null));
    }
}
