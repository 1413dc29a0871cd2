package org.gridgov.desk;

/** 操作人 — who acts on a case: the desk role, the unit they are bound to and their user name. */
public record CaseActor(DeskRole role, long unitId, String userName) {

    public CaseActor {
        if (role == null || userName == null || userName.isBlank()) {
            throw new IllegalArgumentException("an actor needs a role and a user name");
        }
    }
}
