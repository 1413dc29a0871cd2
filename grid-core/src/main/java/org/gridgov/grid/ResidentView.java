package org.gridgov.grid;

import java.util.Set;

/**
 * A resident as shown everywhere: the age in whole years on the platform's today instead of the birth date, the ID
 * number and phone masked ({@link IdNumbers#mask}, {@link PhoneNumbers#mask}), so that nothing shown lets the rest of
 * the ID number be derived (see docs/security.md, 个人信息的展示); the kind of document the number is of (no number,
 * masked null, for {@link DocumentType#NONE}).
 */
public record ResidentView(long id, long householdId, String name, Gender gender, int age,
                           String idNumberMasked, String phoneMasked, Relation relation,
                           Set<SpecialGroup> specialGroups, long version, DocumentType documentType)
        implements AuditSubject {

    @Override
    public String auditName() {
        return String.valueOf(id);
    }
}
