package org.gridgov.archfixture;

import java.util.List;

import org.gridgov.desk.internal.CaseCodes;
import org.gridgov.grid.internal.Sm4FieldProtector;
import org.gridgov.party.PartyOrgType;
import org.gridgov.party.internal.OrgTypeRules;
import org.gridgov.work.PersonKind;
import org.gridgov.work.internal.Person;

/** Deliberate violator for ModularityTests: reaches into each module's internals from outside. */
public class InternalShortcut {

    List<Object> reachIn(Sm4FieldProtector protector) {
        // calls, not constants: javac inlines a static final constant and the dependency would vanish
        return List.of(protector, OrgTypeRules.childTypes(PartyOrgType.BRANCH), CaseCodes.parse("20261122000042"),
                new Person(PersonKind.RESIDENT, 1L, "x", 1L, "/1/"));
    }
}
