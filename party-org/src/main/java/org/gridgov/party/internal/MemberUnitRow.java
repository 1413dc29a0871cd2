package org.gridgov.party.internal;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.gridgov.party.MemberUnit;
import org.gridgov.party.MemberUnitKind;

/** A member unit of a joint organization, as stored. */
@Embeddable
class MemberUnitRow {

    private String name;
    @Enumerated(EnumType.STRING)
    private MemberUnitKind kind;

    protected MemberUnitRow() {
    }

    MemberUnitRow(String name, MemberUnitKind kind) {
        this.name = name;
        this.kind = kind;
    }

    MemberUnit toView() {
        return new MemberUnit(name, kind);
    }
}
