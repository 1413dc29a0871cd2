package org.gridgov.party.internal;

import org.gridgov.grid.UnitsRelocated;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Organizations, members, central households, registrations and the service, evaluation and five-star records
 * keep a unit path for the data scope; when a restructuring moves a subtree they move along in the same transaction
 * (as the service desk's cases do). An
 * organization attached to a unit that was retired into a single successor (merge, move) is attached to the
 * successor: an organization belongs to a living unit, unlike a case, which keeps the unit of its time.
 */
@Component
class PartyRelocation {

    private static final String[] TABLES = {"party.organization", "party.member", "party.central_household",
        "party.unit_registration", "party.member_registration", "party.service_item", "party.service_offer",
        "party.evaluation", "party.star_score", "party.ledger_item"};

    private final JdbcTemplate jdbc;

    PartyRelocation(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(UnitsRelocated moved) {
        for (String table : TABLES) {
            jdbc.update("update " + table + " set unit_path = ? || substr(unit_path, ?) where unit_path like ?",
                    moved.newPath(), moved.oldPath().length() + 1, moved.oldPath() + "%");
        }
        String[] ids = moved.newPath().substring(1).split("/");
        long successor = Long.parseLong(ids[ids.length - 1]);
        if (successor != moved.unitId()) {
            jdbc.update("update party.organization set unit_id = ? where unit_id = ?", successor, moved.unitId());
        }
    }
}
