package org.gridgov.grid;

import java.util.Set;

/**
 * A resident as shown everywhere: the age in whole years on the platform's today instead of the birth date, the ID
 * number and phone masked ({@link IdNumbers#mask}, {@link PhoneNumbers#mask}), so that nothing shown lets the rest of
 * the ID number be derived (see docs/security.md, 个人信息的展示).
 */
public record ResidentView(long id, long householdId, String name, Gender gender, int age,
                           String idNumberMasked, String phoneMasked, Relation relation,
                           Set<SpecialGroup> specialGroups, long version) implements AuditSubject {

    @Override
    public String auditName() {
        return String.valueOf(id);
    }
}
