package org.gridgov.web.grid.residents;

import java.time.LocalDate;
import java.util.Set;

import org.gridgov.grid.Gender;
import org.gridgov.grid.Relation;
import org.gridgov.grid.SpecialGroup;

/** A resident in the API, ID number and phone masked; also the members of a household. */
public record ResidentView(long id, long householdId, String name, Gender gender, LocalDate birthDate,
                           String idNumberMasked, String phoneMasked, Relation relation,
                           Set<SpecialGroup> specialGroups, long version) {
}
