package org.gridgov.web.grid.residents;

import java.util.Set;

import org.gridgov.grid.DocumentType;
import org.gridgov.grid.Gender;
import org.gridgov.grid.Relation;
import org.gridgov.grid.SpecialGroup;

/**
 * A resident in the API, also the members of a household: the age (whole years on the platform's today) instead of
 * the birth date, the ID number and phone masked (11**************2X, 138****5678).
 */
public record ResidentView(long id, long householdId, String name, Gender gender, int age,
                           String idNumberMasked, String phoneMasked, Relation relation,
                           Set<SpecialGroup> specialGroups, long version, DocumentType documentType) {
}
