package org.gridgov.archfixture;

import java.util.List;

import org.gridgov.accounts.internal.Totp;
import org.gridgov.desk.internal.CaseCodes;
import org.gridgov.grid.internal.Sm4FieldProtector;
import org.gridgov.party.PartyOrgType;
import org.gridgov.party.internal.OrgTypeRules;
import org.gridgov.work.internal.DueQueries;

/** Deliberate violator for ModularityTests: reaches into each module's internals from outside. */
public class InternalShortcut {

    List<Object> reachIn(Sm4FieldProtector protector) {
        // calls, not constants: javac inlines a static final constant and the dependency would vanish
        return List.of(protector, OrgTypeRules.childTypes(PartyOrgType.BRANCH), CaseCodes.parse("20261122000042"),
                DueQueries.dueOn(java.time.LocalDate.of(2026, 1, 1), 30), Totp.step(java.time.Instant.EPOCH));
    }
}
