package org.gridgov.grid;

import java.time.LocalDate;
import java.util.Set;

/** A resident as shown everywhere: ID number and phone masked. */
public record ResidentView(long id, long householdId, String name, Gender gender, LocalDate birthDate,
                           String idNumberMasked, String phoneMasked, Relation relation,
                           Set<SpecialGroup> specialGroups, long version) implements AuditSubject {

    @Override
    public String auditName() {
        return String.valueOf(id);
    }
}
